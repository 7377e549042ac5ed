import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Listing pages through milestones by due time with tracked ones (no due time) last: one
 * expression index, so a keyset cursor is a range scan whether the page holds dated milestones or
 * tracked ones.
 */
export class MilestoneDueOrder1764403700000 implements MigrationInterface {
  name = 'MilestoneDueOrder1764403700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX milestones_due_at_id_idx');
    await runner.query(
      "CREATE INDEX milestones_due_order_idx ON milestones ((coalesce(due_at, 'infinity'::timestamptz)), id)",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX milestones_due_order_idx');
    await runner.query('CREATE INDEX milestones_due_at_id_idx ON milestones (due_at, id)');
  }
}
