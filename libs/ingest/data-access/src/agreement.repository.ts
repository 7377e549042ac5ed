import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { AgreementEntity } from './agreement.entity';

const UNIQUE_VIOLATION = '23505';

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
    try {
      await manager.query('SAVEPOINT insert_agreement');
      await manager.getRepository(AgreementEntity).insert(agreement);
      await manager.query('RELEASE SAVEPOINT insert_agreement');
      return true;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== UNIQUE_VIOLATION)
        throw error;
      await manager.query('ROLLBACK TO SAVEPOINT insert_agreement');
      return false;
    }
  }
}
