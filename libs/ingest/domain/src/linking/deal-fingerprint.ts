import { dateHints, namedOrganisations, principalParties } from './deal-signals';
import { bandKeys, estimateSimilarity, minhashSignature, shingleHashes, wordsOf } from './minhash';

/** What linking keeps of a document: two signatures and the who/when it states. */
export interface DealFingerprint {
  /** MinHash over 3-word shingles: wording shared by copies and lightly edited versions. */
  textSignature: number[];
  /** MinHash over single words: the vocabulary shared by two accounts of one subject. */
  wordSignature: number[];
  parties: string[];
  /** Companies named with their legal form; absent from fingerprints stored before it was kept. */
  organisations?: string[];
  /** Calendar dates stated in the text, plus the signing/publication dates known for it. */
  dates: string[];
}

export interface LinkReason {
  similarity: number;
  sharedSignals: string[];
}

/** Same text, give or take a headline, a boilerplate paragraph or a correction. */
const NEAR_COPY = 0.5;
/** Two accounts of one signing (a report and the official text) share vocabulary, not sentences. */
const SAME_SUBJECT = 0.2;
const DATE_TOLERANCE_DAYS = 2;

export function fingerprintOf(text: string, knownDates: (string | null)[] = []): DealFingerprint {
  const words = wordsOf(text);
  return {
    textSignature: minhashSignature(shingleHashes(words, 3)),
    wordSignature: minhashSignature(shingleHashes(words, 1)),
    parties: principalParties(text),
    organisations: namedOrganisations(text),
    dates: [...new Set([...dateHints(text), ...knownDates.filter((date) => date !== null)])].sort(),
  };
}

/**
 * The keys under which a fingerprint is indexed: its LSH bands (near copies) and its set of
 * parties (accounts of one deal in different words, confirmed by dates and vocabulary).
 */
export function lookupKeys(fingerprint: DealFingerprint): string[] {
  const keys = bandKeys(fingerprint.textSignature);
  if (fingerprint.parties.length >= 2) keys.push(`parties:${fingerprint.parties.join('|')}`);
  return keys;
}

/**
 * Whether a new document is about the same deal as a stored one, and why; null when it is not.
 * Shared wording alone does not make one deal when the two name different parties: states sign
 * one model treaty with many partners, and companies one model contract with many counterparties,
 * and each signing is an agreement of its own. (Companies count for near copies only: reports of
 * one deal in other words name other companies around it.)
 */
export function sameDeal(incoming: DealFingerprint, stored: DealFingerprint): LinkReason | null {
  if (differentParties(incoming.parties, stored.parties, 2)) return null;
  const similarity = round(estimateSimilarity(incoming.textSignature, stored.textSignature));
  const sharedSignals: string[] = [];
  const sameParties =
    incoming.parties.length >= 2 && incoming.parties.join('|') === stored.parties.join('|');
  if (sameParties) sharedSignals.push(`parties: ${incoming.parties.join(', ')}`);
  const date = closeDate(incoming.dates, stored.dates);
  if (date) sharedSignals.push(`date: ${date}`);
  const vocabulary = round(estimateSimilarity(incoming.wordSignature, stored.wordSignature));

  if (similarity >= NEAR_COPY && !otherCompanies(incoming, stored)) {
    return { similarity, sharedSignals };
  }
  if (sameParties && date && vocabulary >= SAME_SUBJECT) {
    return { similarity, sharedSignals: [...sharedSignals, `vocabulary: ${vocabulary}`] };
  }
  return null;
}

/**
 * Both name at least `named` parties and neither names all of the other's. One naming a party
 * more (a report's aside, a page's sidebar) is still the same deal.
 */
function differentParties(a: readonly string[], b: readonly string[], named: number): boolean {
  if (a.length < named || b.length < named) return false;
  const includes = (outer: readonly string[], inner: readonly string[]) =>
    inner.every((party) => outer.includes(party));
  return !includes(a, b) && !includes(b, a);
}

/** Fingerprints stored before companies were kept name none, and differ from nobody's. */
function otherCompanies(a: DealFingerprint, b: DealFingerprint): boolean {
  return differentParties(a.organisations ?? [], b.organisations ?? [], 1);
}

function closeDate(a: readonly string[], b: readonly string[]): string | null {
  const same = a.find((date) => b.includes(date));
  if (same) return same;
  for (const left of a) {
    for (const right of b) {
      const days = Math.abs(Date.parse(left) - Date.parse(right)) / 86_400_000;
      if (days <= DATE_TOLERANCE_DAYS) return `${left} ~ ${right}`;
    }
  }
  return null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
