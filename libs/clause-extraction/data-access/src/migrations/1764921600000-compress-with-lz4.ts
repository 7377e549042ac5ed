import { compressWithDefault, compressWithLz4 } from '@dealwatch/persistence';

import type { MigrationInterface, QueryRunner } from 'typeorm';

const columns = {
  extractions: ['result'],
  outbox_messages: ['payload'],
};

/** An extraction's result and its event are compressed as they are written (`compressWithLz4`). */
export class CompressWithLz41764921600000 implements MigrationInterface {
  name = 'CompressWithLz41764921600000';

  async up(runner: QueryRunner): Promise<void> {
    await compressWithLz4(runner, columns);
  }

  async down(runner: QueryRunner): Promise<void> {
    await compressWithDefault(runner, columns);
  }
}
