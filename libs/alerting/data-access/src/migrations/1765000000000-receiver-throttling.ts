import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReceiverThrottling1765000000000 implements MigrationInterface {
  name = 'ReceiverThrottling1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE receivers
        ADD COLUMN rate_limit_count int,
        ADD COLUMN rate_limit_per text,
        ADD CONSTRAINT receivers_rate_limit_ck
          CHECK ((rate_limit_count IS NULL) = (rate_limit_per IS NULL) AND
                 (rate_limit_count IS NULL OR rate_limit_count > 0))`);
    // Held back by the receiver's rate limit: goes out with the others held, as one notification.
    await runner.query('ALTER TABLE deliveries ADD COLUMN held boolean NOT NULL DEFAULT false');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries DROP COLUMN held');
    await runner.query(`
      ALTER TABLE receivers
        DROP CONSTRAINT receivers_rate_limit_ck,
        DROP COLUMN rate_limit_per,
        DROP COLUMN rate_limit_count`);
  }
}
