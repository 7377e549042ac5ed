import { sameDeal } from './deal-fingerprint';
import type { DealFingerprint } from './deal-fingerprint';

/** What deciding an upload needs to know of it. */
export interface UploadToDecide {
  originalSha256: string;
  textSha256: string;
  fingerprint: DealFingerprint;
  /** Its lookup keys (`lookupKeys`). */
  keys: string[];
}

/** A stored document's fingerprint, as a linking candidate. */
export interface FingerprintCandidate {
  documentId: string;
  agreementId: string;
  fingerprint: DealFingerprint;
}

/** What the store already held for an upload when the decisions began. */
export interface StoredKnowledge {
  /** The agreement holding a document with the same original bytes. */
  sameOriginal: string | null;
  /** The agreement whose first document with the same text arrived first. */
  sameText: string | null;
  /** Stored documents sharing its lookup keys, most shared keys first. */
  candidates: FingerprintCandidate[];
}

export type UploadDecision =
  /** The same bytes are stored: nothing to keep. */
  | { kind: 'same-original'; agreementId: string }
  /** Another rendering of a stored text: the document is kept, nothing is announced. */
  | { kind: 'identical-text'; agreementId: string; documentId: string }
  /** Another account of a known deal: kept on that deal's agreement and announced as added. */
  | {
      kind: 'near-duplicate';
      agreementId: string;
      documentId: string;
      matchedDocumentId: string;
      similarity: number;
      sharedSignals: string[];
    }
  /** A new agreement, with this upload as its first document. */
  | { kind: 'new-agreement'; agreementId: string; documentId: string };

/**
 * Decides uploads in order, each as if stored alone after the ones before it: what the store held
 * (`known`, one entry per upload) plus what the earlier uploads of the same batch add. `newId` names
 * each new agreement and document.
 */
export function decideUploads(
  uploads: readonly UploadToDecide[],
  known: readonly StoredKnowledge[],
  newId: () => string,
): UploadDecision[] {
  const originals = new Map<string, string>();
  const texts = new Map<string, string>();
  const added: (FingerprintCandidate & { keys: Set<string> })[] = [];
  return uploads.map((upload, index) => {
    const stored = known[index] ?? { sameOriginal: null, sameText: null, candidates: [] };
    const sameOriginal = stored.sameOriginal ?? originals.get(upload.originalSha256);
    if (sameOriginal) return { kind: 'same-original', agreementId: sameOriginal };

    const decision = decideKept(upload, stored, texts, added, newId);
    originals.set(upload.originalSha256, decision.agreementId);
    if (!texts.has(upload.textSha256)) texts.set(upload.textSha256, decision.agreementId);
    if (decision.kind !== 'identical-text') {
      const { agreementId, documentId } = decision;
      added.push({
        agreementId,
        documentId,
        fingerprint: upload.fingerprint,
        keys: new Set(upload.keys),
      });
    }
    return decision;
  });
}

function decideKept(
  upload: UploadToDecide,
  stored: StoredKnowledge,
  texts: ReadonlyMap<string, string>,
  added: readonly (FingerprintCandidate & { keys: Set<string> })[],
  newId: () => string,
): Exclude<UploadDecision, { kind: 'same-original' }> {
  const sameText = stored.sameText ?? texts.get(upload.textSha256);
  if (sameText) return { kind: 'identical-text', agreementId: sameText, documentId: newId() };

  const earlier = added.filter((candidate) => upload.keys.some((key) => candidate.keys.has(key)));
  const match = bestMatch(upload.fingerprint, [...stored.candidates, ...earlier]);
  if (match) return { kind: 'near-duplicate', documentId: newId(), ...match };
  return { kind: 'new-agreement', agreementId: newId(), documentId: newId() };
}

function bestMatch(fingerprint: DealFingerprint, candidates: readonly FingerprintCandidate[]) {
  let best: {
    agreementId: string;
    matchedDocumentId: string;
    similarity: number;
    sharedSignals: string[];
  } | null = null;
  for (const candidate of candidates) {
    const reason = sameDeal(fingerprint, candidate.fingerprint);
    if (reason && (!best || reason.similarity > best.similarity)) {
      best = {
        ...reason,
        agreementId: candidate.agreementId,
        matchedDocumentId: candidate.documentId,
      };
    }
  }
  return best;
}
