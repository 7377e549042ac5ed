import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feed subscriptions with the validators of their last answer (for conditional requests) and when
 * they are next due, and every item seen, so each is taken once and a skipped one says why.
 */
export class CreateFeedSources1764662400000 implements MigrationInterface {
  name = 'CreateFeedSources1764662400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE feed_sources (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        name text NOT NULL,
        keywords jsonb NOT NULL,
        parties jsonb NOT NULL,
        interval_seconds integer NOT NULL,
        etag text,
        last_modified text,
        next_poll_at timestamptz NOT NULL,
        last_polled_at timestamptz,
        last_result text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE UNIQUE INDEX feed_sources_url_uq ON feed_sources (url)');
    await runner.query('CREATE INDEX feed_sources_next_poll_at_idx ON feed_sources (next_poll_at)');
    await runner.query(`
      CREATE TABLE feed_items (
        source_id uuid NOT NULL REFERENCES feed_sources (id) ON DELETE CASCADE,
        item_key text NOT NULL,
        url text NOT NULL,
        title text,
        status text NOT NULL,
        reason text,
        agreement_id uuid,
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (source_id, item_key)
      )`);
    await runner.query(
      'CREATE INDEX feed_items_source_seen_idx ON feed_items (source_id, seen_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE feed_items');
    await runner.query('DROP TABLE feed_sources');
  }
}
