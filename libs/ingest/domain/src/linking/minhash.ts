/** Hash functions per signature; 128 gives a similarity estimate within about ±0.09. */
export const SIGNATURE_SIZE = 128;
/** 32 bands of 4 rows: texts with a Jaccard similarity of 0.5 share a band 87% of the time. */
export const BANDS = 32;
const ROWS = SIGNATURE_SIZE / BANDS;

/** Lower-cased words (letters and digits), the unit every shingle is made of. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit hashes of every run of `size` consecutive words (a single word when the text is shorter). */
export function shingleHashes(words: readonly string[], size: number): Set<number> {
  const hashes = new Set<number>();
  if (words.length === 0) return hashes;
  const last = Math.max(0, words.length - size);
  for (let start = 0; start <= last; start++) {
    hashes.add(fnv1aOfWords(words, start, Math.min(words.length, start + size)));
  }
  return hashes;
}

/** The MinHash signature of a set: per hash function, the smallest value over the set. */
export function minhashSignature(hashes: ReadonlySet<number>): number[] {
  // Typed arrays: this loop runs SIGNATURE_SIZE times per shingle, the bulk of fingerprinting.
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const hash of hashes) {
    for (let index = 0; index < SIGNATURE_SIZE; index++) {
      const value = mix(hash ^ (SEEDS[index] ?? 0));
      if (value < (signature[index] ?? 0)) signature[index] = value;
    }
  }
  return Array.from(signature);
}

/** Estimated Jaccard similarity of the two sets: the share of positions where they agree. */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let index = 0; index < SIGNATURE_SIZE; index++) if (a[index] === b[index]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * Locality-sensitive hashing: one key per band of rows. Two signatures that share any key are
 * candidates, so finding them is an indexed lookup instead of a scan of every stored agreement.
 */
export function bandKeys(signature: readonly number[]): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = signature.slice(band * ROWS, (band + 1) * ROWS);
    keys.push(`b${band}:${fnv1a(rows.join(',')).toString(36)}`);
  }
  return keys;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

function fnv1a(text: string): number {
  return fnv1aStep(FNV_OFFSET, text) >>> 0;
}

/** FNV-1a of `words[from..to)` joined by single spaces, without building the joined string. */
function fnv1aOfWords(words: readonly string[], from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let index = from; index < to; index++) {
    if (index > from) hash = Math.imul(hash ^ SPACE, FNV_PRIME);
    hash = fnv1aStep(hash, words[index] ?? '');
  }
  return hash >>> 0;
}

function fnv1aStep(start: number, text: string): number {
  let hash = start;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  }
  return hash;
}

/** murmur3's finaliser: a cheap, well-mixed permutation of 32-bit values. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Fixed, so signatures stored today still compare with those computed after a restart. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, index) =>
  mix(Math.imul(index + 1, 0x9e3779b1)),
);
