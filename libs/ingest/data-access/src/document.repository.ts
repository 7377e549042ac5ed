import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

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

  /**
   * The agreements already holding this original, and this text (its first document), in one
   * round trip: the caller asks under its linking locks, where every round trip holds others back.
   */
  async agreementsHolding(
    manager: EntityManager,
    originalSha256: string,
    textSha256: string,
  ): Promise<{ sameOriginal: string | null; sameText: string | null }> {
    const [row] = await manager.query<{ same_original: string | null; same_text: string | null }[]>(
      `SELECT (SELECT agreement_id FROM documents WHERE original_sha256 = $1 LIMIT 1) AS same_original,
              (SELECT agreement_id FROM documents WHERE text_sha256 = $2
                ORDER BY received_at LIMIT 1) AS same_text`,
      [originalSha256, textSha256],
    );
    return { sameOriginal: row?.same_original ?? null, sameText: row?.same_text ?? null };
  }

  findOriginal(
    id: string,
  ): Promise<Pick<DocumentEntity, 'agreementId' | 'mediaType' | 'original'> | null> {
    return this.dataSource.getRepository(DocumentEntity).findOne({
      where: { id },
      select: { id: true, agreementId: true, mediaType: true, original: true },
    });
  }

  async insert(manager: EntityManager, document: NewDocument): Promise<void> {
    await manager.getRepository(DocumentEntity).insert(document);
  }
}
