import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An agreement's default reminder policy and jurisdiction for milestones that name none. */
export class AgreementDefaults1764404000000 implements MigrationInterface {
  name = 'AgreementDefaults1764404000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE agreement_defaults (
        agreement_id uuid CONSTRAINT agreement_defaults_pk PRIMARY KEY,
        policy text,
        jurisdiction text,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE agreement_defaults');
  }
}
