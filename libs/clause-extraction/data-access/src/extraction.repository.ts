import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { ExtractionEntity } from './extraction.entity';

@Injectable()
export class ExtractionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a run unless the same engine already read the same text of this agreement. */
  async insertIfNew(
    manager: EntityManager,
    extraction: Omit<ExtractionEntity, 'createdAt'>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ExtractionEntity)
      .values(extraction)
      .orIgnore()
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  latestFor(agreementId: string): Promise<ExtractionEntity | null> {
    return this.dataSource.getRepository(ExtractionEntity).findOne({
      where: { agreementId },
      order: { createdAt: 'DESC' },
    });
  }
}
