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
   * For each upload, the agreements already holding its original and its text (the first document
   * with it), in one round trip: the caller asks under its linking locks, where every round trip
   * holds other uploads back.
   */
  async agreementsHolding(
    manager: EntityManager,
    uploads: { originalSha256: string; textSha256: string }[],
  ): Promise<{ sameOriginal: string | null; sameText: string | null }[]> {
    if (uploads.length === 0) return [];
    const rows = await manager.query<{ same_original: string | null; same_text: string | null }[]>(
      `SELECT (SELECT agreement_id FROM documents WHERE original_sha256 = u.original LIMIT 1)
                AS same_original,
              (SELECT agreement_id FROM documents WHERE text_sha256 = u.text
                ORDER BY received_at LIMIT 1) AS same_text
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(original, text, position)
        ORDER BY u.position`,
      [uploads.map((upload) => upload.originalSha256), uploads.map((upload) => upload.textSha256)],
    );
    return rows.map((row) => ({ sameOriginal: row.same_original, sameText: row.same_text }));
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
