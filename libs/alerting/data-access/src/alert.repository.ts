import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';

import { AlertEntity } from './alert.entity';

export interface AlertFilter {
  agreementId?: string | undefined;
  milestoneId?: string | undefined;
}

export interface Page {
  limit: number;
  offset: number;
}

@Injectable()
export class AlertRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the alert unless its reminder already has one; returns whether it was new. */
  async insertIfNew(manager: EntityManager, alert: AlertEntity): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(AlertEntity)
      .values(alert)
      .orIgnore()
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  findById(id: string): Promise<AlertEntity | null> {
    return this.dataSource.getRepository(AlertEntity).findOneBy({ id });
  }

  /** Newest first; `total` counts every alert the filter matches. */
  async list(filter: AlertFilter, page: Page): Promise<{ alerts: AlertEntity[]; total: number }> {
    const where: FindOptionsWhere<AlertEntity> = {};
    if (filter.agreementId) where.agreementId = filter.agreementId;
    if (filter.milestoneId) where.milestoneId = filter.milestoneId;
    const [alerts, total] = await this.dataSource.getRepository(AlertEntity).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { alerts, total };
  }
}
