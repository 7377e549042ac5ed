import type { DealFingerprint } from '@dealwatch/ingest/domain';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StoredFingerprint {
  documentId: string;
  agreementId: string;
  fingerprint: DealFingerprint;
}

/** Candidates looked at per new document; more shared keys first. */
const CANDIDATE_LIMIT = 50;

/** Signatures and lookup keys of stored documents (the primary key on `(key, document_id)` is the index). */
@Injectable()
export class DealFingerprintRepository {
  async candidates(manager: EntityManager, keys: string[]): Promise<StoredFingerprint[]> {
    if (keys.length === 0) return [];
    const rows = await manager.query<
      { document_id: string; agreement_id: string; fingerprint: DealFingerprint }[]
    >(
      `SELECT f.document_id, f.agreement_id, f.fingerprint
         FROM (SELECT document_id, count(*) AS shared FROM deal_link_keys
                WHERE key = ANY($1) GROUP BY document_id
                ORDER BY shared DESC LIMIT ${CANDIDATE_LIMIT}) k
         JOIN deal_fingerprints f ON f.document_id = k.document_id
        ORDER BY k.shared DESC`,
      [keys],
    );
    return rows.map((row) => ({
      documentId: row.document_id,
      agreementId: row.agreement_id,
      fingerprint: row.fingerprint,
    }));
  }

  async save(manager: EntityManager, stored: StoredFingerprint, keys: string[]): Promise<void> {
    // One round trip for both tables; the foreign keys are checked at the end of the statement.
    await manager.query(
      `WITH fingerprint AS (
         INSERT INTO deal_fingerprints (document_id, agreement_id, fingerprint) VALUES ($1, $2, $3))
       INSERT INTO deal_link_keys (key, document_id)
       SELECT unnest($4::text[]), $1 ON CONFLICT DO NOTHING`,
      [stored.documentId, stored.agreementId, JSON.stringify(stored.fingerprint), keys],
    );
  }
}
