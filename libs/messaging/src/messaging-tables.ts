import type { QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables every service has in its own schema. Services call these from their
 * first migration; later changes to these tables need a migration of their own in every service.
 */
export async function createMessagingTables(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE outbox_messages (
      seq bigserial PRIMARY KEY,
      event_id uuid NOT NULL,
      topic text NOT NULL,
      message_key text NOT NULL,
      headers jsonb NOT NULL,
      payload text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await runner.query(
    'CREATE UNIQUE INDEX outbox_messages_event_id_uq ON outbox_messages (event_id)',
  );
  await runner.query(`
    CREATE TABLE processed_events (
      consumer_group text NOT NULL,
      event_id text NOT NULL,
      topic text NOT NULL,
      processed_at timestamptz NOT NULL,
      CONSTRAINT processed_events_pk PRIMARY KEY (consumer_group, event_id)
    )`);
}

export async function dropMessagingTables(runner: QueryRunner): Promise<void> {
  await runner.query('DROP TABLE processed_events');
  await runner.query('DROP TABLE outbox_messages');
}
