import { insertRows } from '@dealwatch/persistence';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { MilestoneHistoryEntity } from './milestone-history.entity';

export type MilestoneHistoryRow = Omit<MilestoneHistoryEntity, 'id'>;

/** The audit trail: rows are only ever added. */
@Injectable()
export class MilestoneHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, row: MilestoneHistoryRow): Promise<void> {
    await this.appendMany(manager, [row]);
  }

  async appendMany(manager: EntityManager, rows: MilestoneHistoryRow[]): Promise<void> {
    await insertRows(manager, MilestoneHistoryEntity, rows);
  }

  /** When a milestone was last marked met, or null if it never was. */
  async metAt(manager: EntityManager, milestoneId: string): Promise<Date | null> {
    const row = await manager
      .getRepository(MilestoneHistoryEntity)
      .findOne({ where: { milestoneId, toStatus: 'met' }, order: { id: 'DESC' } });
    return row?.changedAt ?? null;
  }

  /** A milestone's latest change, or null if it has none. */
  async lastChange(
    manager: EntityManager,
    milestoneId: string,
  ): Promise<MilestoneHistoryEntity | null> {
    return manager
      .getRepository(MilestoneHistoryEntity)
      .findOne({ where: { milestoneId }, order: { id: 'DESC' } });
  }

  /** A milestone's changes, oldest first. */
  async listFor(milestoneId: string): Promise<MilestoneHistoryEntity[]> {
    return this.dataSource
      .getRepository(MilestoneHistoryEntity)
      .find({ where: { milestoneId }, order: { id: 'ASC' } });
  }
}
