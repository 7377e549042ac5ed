import { insertTogether } from '@dealwatch/persistence';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { AgreementEntity } from './agreement.entity';
import { DocumentEntity } from './document.entity';
import type { NewDocument } from './document.repository';

export type NewAgreement = Omit<AgreementEntity, 'receivedAt'>;

@Injectable()
export class AgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<AgreementEntity | null> {
    return this.dataSource.getRepository(AgreementEntity).findOneBy({ id });
  }

  /**
   * New agreements and new documents (of these agreements or of stored ones), in one statement; a
   * text already stored breaks its agreement's unique index and fails it.
   */
  async insertMany(
    manager: EntityManager,
    stored: { agreements: NewAgreement[]; documents: NewDocument[] },
  ): Promise<void> {
    await insertTogether(manager, [
      { target: AgreementEntity, rows: stored.agreements },
      { target: DocumentEntity, rows: stored.documents },
    ]);
  }
}
