import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DocumentEntity } from './document.entity';

export type NewDocument = Omit<DocumentEntity, 'receivedAt'>;

@Injectable()
export class DocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** An agreement's documents in the order they arrived, without their original bytes. */
  listByAgreement(agreementId: string): Promise<DocumentEntity[]> {
    return this.dataSource
      .getRepository(DocumentEntity)
      .find({ where: { agreementId }, order: { receivedAt: 'ASC', id: 'ASC' } });
  }

  findOriginal(
    id: string,
  ): Promise<Pick<DocumentEntity, 'agreementId' | 'mediaType' | 'original'> | null> {
    return this.dataSource.getRepository(DocumentEntity).findOne({
      where: { id },
      select: { id: true, agreementId: true, mediaType: true, original: true },
    });
  }
}
