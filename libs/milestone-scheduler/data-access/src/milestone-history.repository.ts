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
    await manager.getRepository(MilestoneHistoryEntity).insert(row);
  }

  /** A milestone's changes, oldest first. */
  async listFor(milestoneId: string): Promise<MilestoneHistoryEntity[]> {
    return this.dataSource
      .getRepository(MilestoneHistoryEntity)
      .find({ where: { milestoneId }, order: { id: 'ASC' } });
  }
}
