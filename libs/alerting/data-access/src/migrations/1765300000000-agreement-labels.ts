import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgreementLabels1765300000000 implements MigrationInterface {
  name = 'AgreementLabels1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    // What routes match on beyond the reminder: the parties of an agreement and whether each of
    // its obligations binds, from its latest extraction; and which obligation a milestone tracks.
    await runner.query(`
      CREATE TABLE agreement_labels (
        agreement_id uuid PRIMARY KEY,
        parties text[] NOT NULL,
        extracted_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE obligation_labels (
        agreement_id uuid NOT NULL,
        obligation_key text NOT NULL,
        binding boolean NOT NULL,
        extracted_at timestamptz NOT NULL,
        CONSTRAINT obligation_labels_pk PRIMARY KEY (agreement_id, obligation_key)
      )`);
    await runner.query(`
      CREATE TABLE milestone_obligations (
        milestone_id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL,
        obligation_key text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE milestone_obligations');
    await runner.query('DROP TABLE obligation_labels');
    await runner.query('DROP TABLE agreement_labels');
  }
}
