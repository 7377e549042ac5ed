import { insertRows } from '@dealwatch/persistence';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { AgreementEntity } from './agreement.entity';

export type NewAgreement = Omit<AgreementEntity, 'receivedAt'>;

@Injectable()
export class AgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<AgreementEntity | null> {
    return this.dataSource.getRepository(AgreementEntity).findOneBy({ id });
  }

  /** New agreements, in one statement; a text already stored breaks its unique index and fails it. */
  async insertMany(manager: EntityManager, agreements: NewAgreement[]): Promise<void> {
    await insertRows(manager, AgreementEntity, agreements);
  }
}
