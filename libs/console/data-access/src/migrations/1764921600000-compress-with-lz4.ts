import { compressWithDefault, compressWithLz4 } from '@dealwatch/persistence';

import type { MigrationInterface, QueryRunner } from 'typeorm';

const columns = {
  agreement_views: ['text', 'obligations'],
};

/** The read model keeps every agreement's text and obligations (`compressWithLz4`). */
export class CompressWithLz41764921600000 implements MigrationInterface {
  name = 'CompressWithLz41764921600000';

  async up(runner: QueryRunner): Promise<void> {
    await compressWithLz4(runner, columns);
  }

  async down(runner: QueryRunner): Promise<void> {
    await compressWithDefault(runner, columns);
  }
}
