import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { AgreementEntity } from './agreement.entity';

@Injectable()
export class AgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<AgreementEntity | null> {
    return this.dataSource.getRepository(AgreementEntity).findOneBy({ id });
  }

  findByDigest(manager: EntityManager, contentSha256: string): Promise<AgreementEntity | null> {
    return manager.getRepository(AgreementEntity).findOneBy({ contentSha256 });
  }

  /** Inserts unless the same text is already stored; returns false when another writer won the race. */
  async insertIfNew(
    manager: EntityManager,
    agreement: Omit<AgreementEntity, 'receivedAt'>,
  ): Promise<boolean> {
    // One statement: a unique violation caught under a savepoint cost three round trips.
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(AgreementEntity)
      .values(agreement)
      .orIgnore()
      .returning('id')
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }
}
