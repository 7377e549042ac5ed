import type { DealFingerprint, StoredKnowledge } from '@dealwatch/ingest/domain';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What an upload is looked up by: its original's and its text's digests, and its keys. */
export interface UploadLookup {
  originalSha256: string;
  textSha256: string;
  keys: readonly string[];
}

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
   * What the store holds for each upload, in one round trip (the caller asks under its linking
   * locks, where every round trip holds other uploads back): the agreements already holding its
   * original and its text (the first document with it), and the stored documents sharing most of
   * its keys (50 at most). Uploads of one batch often share candidates: each fingerprint is sent
   * once, on its first row.
   */
  async storedKnowledgeFor(
    manager: EntityManager,
    uploads: readonly UploadLookup[],
  ): Promise<StoredKnowledge[]> {
    if (uploads.length === 0) return [];
    const wanted = uploads.flatMap((upload, index) => upload.keys.map((key) => ({ index, key })));
    const rows = await manager.query<
      {
        /** Ordinality, from 1: a bigint, which pg hands over as text. */
        upload: string;
        same_original: string | null;
        same_text: string | null;
        document_id: string | null;
        agreement_id: string | null;
        fingerprint: DealFingerprint | null;
      }[]
    >(
      // Index lookups per key and per candidate, whatever the statistics say: on a young table the
      // planner estimates badly and scans both tables whole, a cost that grows with every stored
      // document. A LATERAL subquery with OFFSET 0 is not flattened, so it stays a keyed lookup.
      `WITH shared AS (
         SELECT w.upload, k.document_id, count(*) AS shared
           FROM unnest($3::int[], $4::text[]) AS w(upload, key)
           CROSS JOIN LATERAL (
             SELECT document_id FROM deal_link_keys WHERE key = w.key OFFSET 0) AS k
          GROUP BY w.upload, k.document_id),
       ranked AS (
         SELECT upload, document_id, shared,
                row_number() OVER (PARTITION BY upload ORDER BY shared DESC) AS rank
           FROM shared),
       candidates AS (
         SELECT r.upload, r.shared, f.document_id, f.agreement_id,
                CASE WHEN row_number() OVER (PARTITION BY r.document_id ORDER BY r.upload) = 1
                     THEN f.fingerprint END AS fingerprint
           FROM ranked r
           CROSS JOIN LATERAL (
             SELECT document_id, agreement_id, fingerprint FROM deal_fingerprints
              WHERE document_id = r.document_id OFFSET 0) AS f
          WHERE r.rank <= ${CANDIDATE_LIMIT}),
       -- Digests are char(64): compared as such, or the text comparison skips their indexes.
       -- OFFSET 0 keeps the two lookups per upload, not per candidate row.
       held AS (
         SELECT u.upload,
                (SELECT agreement_id FROM documents WHERE original_sha256 = u.original::bpchar
                  LIMIT 1) AS same_original,
                (SELECT agreement_id FROM documents WHERE text_sha256 = u.text::bpchar
                  ORDER BY received_at LIMIT 1) AS same_text
           FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(original, text, upload)
         OFFSET 0)
       SELECT h.upload, h.same_original, h.same_text, c.document_id, c.agreement_id, c.fingerprint
         FROM held h
         LEFT JOIN candidates c ON c.upload = h.upload
        ORDER BY h.upload, c.shared DESC`,
      [
        uploads.map((upload) => upload.originalSha256),
        uploads.map((upload) => upload.textSha256),
        wanted.map((entry) => entry.index + 1),
        wanted.map((entry) => entry.key),
      ],
    );
    const known: StoredKnowledge[] = uploads.map(() => ({
      sameOriginal: null,
      sameText: null,
      candidates: [],
    }));
    const fingerprints = new Map<string, DealFingerprint>();
    for (const row of rows) {
      if (row.document_id && row.fingerprint) fingerprints.set(row.document_id, row.fingerprint);
    }
    for (const row of rows) {
      const entry = known[Number(row.upload) - 1];
      if (!entry) continue;
      entry.sameOriginal = row.same_original;
      entry.sameText = row.same_text;
      const fingerprint = row.document_id ? fingerprints.get(row.document_id) : undefined;
      if (!row.document_id || !row.agreement_id || !fingerprint) continue;
      entry.candidates.push({
        documentId: row.document_id,
        agreementId: row.agreement_id,
        fingerprint,
      });
    }
    return known;
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
