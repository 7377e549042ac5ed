import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryGroups1765100000000 implements MigrationInterface {
  name = 'DeliveryGroups1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deliveries ADD COLUMN group_key text');
    await runner.query(
      'CREATE INDEX deliveries_receiver_group_key_idx ON deliveries (receiver, group_key) WHERE group_key IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX deliveries_receiver_group_key_idx');
    await runner.query('ALTER TABLE deliveries DROP COLUMN group_key');
  }
}
