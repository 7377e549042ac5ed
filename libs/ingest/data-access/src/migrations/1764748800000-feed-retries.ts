import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transient failures are retried: an item whose page could not be fetched waits for its next
 * attempt (and keeps its feed date for it), a source whose feed answered 5xx/429 or could not be
 * reached is backed off, with how many times in a row it failed and until when.
 */
export class FeedRetries1764748800000 implements MigrationInterface {
  name = 'FeedRetries1764748800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE feed_sources
        ADD COLUMN failures integer NOT NULL DEFAULT 0,
        ADD COLUMN backed_off_until timestamptz`);
    await runner.query(`
      ALTER TABLE feed_items
        ADD COLUMN attempts integer NOT NULL DEFAULT 1,
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN published_at text`);
    await runner.query(
      `CREATE INDEX feed_items_retry_due_idx ON feed_items (next_attempt_at) WHERE status = 'retrying'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX feed_items_retry_due_idx');
    await runner.query(
      'ALTER TABLE feed_items DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN published_at',
    );
    await runner.query(
      'ALTER TABLE feed_sources DROP COLUMN failures, DROP COLUMN backed_off_until',
    );
  }
}
