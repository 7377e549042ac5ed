import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRoutingTree1764600000000 implements MigrationInterface {
  name = 'CreateRoutingTree1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE routing_tree (
        id smallint PRIMARY KEY CONSTRAINT routing_tree_single_ck CHECK (id = 1),
        tree jsonb NOT NULL,
        source text NOT NULL CONSTRAINT routing_tree_source_ck CHECK (source IN ('api', 'file')),
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing_tree');
  }
}
