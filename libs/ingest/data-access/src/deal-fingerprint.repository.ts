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
  /**
   * For each upload's keys, the stored documents sharing most of them (50 at most), in one query.
   * Uploads of one batch often share candidates: each fingerprint is sent once, on its first row.
   */
  async candidatesForEach(
    manager: EntityManager,
    keysPerUpload: string[][],
  ): Promise<StoredFingerprint[][]> {
    const found: StoredFingerprint[][] = keysPerUpload.map(() => []);
    const wanted = keysPerUpload.flatMap((keys, upload) => keys.map((key) => ({ upload, key })));
    if (wanted.length === 0) return found;
    const rows = await manager.query<
      {
        upload: number;
        document_id: string;
        agreement_id: string;
        fingerprint: DealFingerprint | null;
      }[]
    >(
      // Index lookups per key and per candidate, whatever the statistics say: on a young table the
      // planner estimates badly and scans both tables whole, a cost that grows with every stored
      // document. A LATERAL subquery with OFFSET 0 is not flattened, so it stays a keyed lookup.
      `WITH shared AS (
         SELECT w.upload, k.document_id, count(*) AS shared
           FROM unnest($1::int[], $2::text[]) AS w(upload, key)
           CROSS JOIN LATERAL (
             SELECT document_id FROM deal_link_keys WHERE key = w.key OFFSET 0) AS k
          GROUP BY w.upload, k.document_id),
       ranked AS (
         SELECT upload, document_id, shared,
                row_number() OVER (PARTITION BY upload ORDER BY shared DESC) AS rank
           FROM shared)
       SELECT r.upload, f.document_id, f.agreement_id,
              CASE WHEN row_number() OVER (PARTITION BY r.document_id ORDER BY r.upload) = 1
                   THEN f.fingerprint END AS fingerprint
         FROM ranked r
         CROSS JOIN LATERAL (
           SELECT document_id, agreement_id, fingerprint FROM deal_fingerprints
            WHERE document_id = r.document_id OFFSET 0) AS f
        WHERE r.rank <= ${CANDIDATE_LIMIT}
        ORDER BY r.upload, r.shared DESC`,
      [wanted.map((entry) => entry.upload), wanted.map((entry) => entry.key)],
    );
    const fingerprints = new Map<string, DealFingerprint>();
    for (const row of rows) {
      if (row.fingerprint) fingerprints.set(row.document_id, row.fingerprint);
    }
    for (const row of rows) {
      const fingerprint = fingerprints.get(row.document_id);
      if (!fingerprint) continue;
      found[row.upload]?.push({
        documentId: row.document_id,
        agreementId: row.agreement_id,
        fingerprint,
      });
    }
    return found;
  }

  /** Fingerprints and their lookup keys, for both tables in one round trip. */
  async saveMany(
    manager: EntityManager,
    stored: (StoredFingerprint & { keys: string[] })[],
  ): Promise<void> {
    if (stored.length === 0) return;
    const keyRows = stored.flatMap((entry) =>
      entry.keys.map((key) => ({ key, documentId: entry.documentId })),
    );
    // The foreign keys are checked at the end of the statement, after both inserts.
    await manager.query(
      `WITH fingerprints AS (
         INSERT INTO deal_fingerprints (document_id, agreement_id, fingerprint)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]))
       INSERT INTO deal_link_keys (key, document_id)
       SELECT * FROM unnest($4::text[], $5::uuid[]) ON CONFLICT DO NOTHING`,
      [
        stored.map((entry) => entry.documentId),
        stored.map((entry) => entry.agreementId),
        stored.map((entry) => JSON.stringify(entry.fingerprint)),
        keyRows.map((row) => row.key),
        keyRows.map((row) => row.documentId),
      ],
    );
  }
}
