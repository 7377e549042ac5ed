import { insertRows } from '@dealwatch/persistence';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { ExtractionEntity } from './extraction.entity';

@Injectable()
export class ExtractionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a run's extractions in one statement, each unless the same engine already read the same
   * text of its agreement (the first of two in the run wins); answers the ids stored.
   */
  async insertNew(
    manager: EntityManager,
    extractions: readonly Omit<ExtractionEntity, 'createdAt' | 'seq'>[],
  ): Promise<Set<string>> {
    const stored = await insertRows<ExtractionEntity, { id: string }>(
      manager,
      ExtractionEntity,
      extractions,
      { skipConflicts: true, returning: ['id'] },
    );
    return new Set(stored.map((row) => row.id));
  }

  latestFor(agreementId: string): Promise<ExtractionEntity | null> {
    return this.dataSource.getRepository(ExtractionEntity).findOne({
      where: { agreementId },
      order: { createdAt: 'DESC', seq: 'DESC' },
    });
  }
}
