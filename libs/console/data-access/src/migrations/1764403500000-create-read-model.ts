import { createMessagingTables, dropMessagingTables } from '@dealwatch/messaging';

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReadModel1764403500000 implements MigrationInterface {
  name = 'CreateReadModel1764403500000';

  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner);
    await runner.query(`
      CREATE TABLE agreement_views (
        id uuid PRIMARY KEY,
        title text,
        text text NOT NULL,
        published_at date,
        signed_at date,
        parties jsonb NOT NULL DEFAULT '[]',
        obligations jsonb,
        extractor_version text,
        ingested_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX agreement_views_ingested_at_idx ON agreement_views (ingested_at)',
    );
    await runner.query(`
      CREATE TABLE milestone_views (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL,
        obligation_key text NOT NULL,
        title text NOT NULL,
        category text NOT NULL,
        evidence text,
        due_date date,
        status text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX milestone_views_agreement_idx ON milestone_views (agreement_id)',
    );
    await runner.query('CREATE INDEX milestone_views_due_date_idx ON milestone_views (due_date)');
    await runner.query(`
      CREATE TABLE alert_views (
        reminder_id uuid PRIMARY KEY,
        alert_id uuid,
        milestone_id uuid NOT NULL,
        agreement_id uuid NOT NULL,
        title text NOT NULL,
        "offset" text NOT NULL,
        due_date date NOT NULL,
        fired_at timestamptz NOT NULL,
        delivered_at timestamptz,
        receivers jsonb NOT NULL DEFAULT '[]'
      )`);
    await runner.query('CREATE INDEX alert_views_milestone_idx ON alert_views (milestone_id)');
    await runner.query('CREATE INDEX alert_views_fired_at_idx ON alert_views (fired_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE alert_views');
    await runner.query('DROP TABLE milestone_views');
    await runner.query('DROP TABLE agreement_views');
    await dropMessagingTables(runner);
  }
}
