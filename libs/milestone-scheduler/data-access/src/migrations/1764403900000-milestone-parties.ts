import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The parties of a milestone's agreement, for the `party` filter: a GIN index answers `@>`. */
export class MilestoneParties1764403900000 implements MigrationInterface {
  name = 'MilestoneParties1764403900000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE milestones ADD COLUMN parties text[] NOT NULL DEFAULT '{}'");
    await runner.query('CREATE INDEX milestones_parties_idx ON milestones USING gin (parties)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX milestones_parties_idx');
    await runner.query('ALTER TABLE milestones DROP COLUMN parties');
  }
}
