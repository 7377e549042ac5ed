export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(hits: number, predicted: number, gold: number): Prf {
  const precision = predicted === 0 ? 0 : hits / predicted;
  const recall = gold === 0 ? 0 : hits / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export const fmt = (x: number) => x.toFixed(3);

export function overlap(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/** One-to-one pairing, greatest overlap first. */
export function pairByOverlap(
  predicted: readonly (readonly [number, number])[],
  gold: readonly (readonly [number, number])[],
): [number, number][] {
  const candidates: [number, number, number][] = [];
  predicted.forEach((p, i) => {
    gold.forEach((g, j) => {
      const o = overlap(p, g);
      if (o > 0) candidates.push([o, i, j]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

export function normaliseRef(ref: string | undefined): string {
  return (ref ?? '')
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .trim();
}

export function refsMatch(a: string | undefined, b: string | undefined): boolean {
  const x = normaliseRef(a);
  const y = normaliseRef(b);
  return x.length > 0 && y.length > 0 && (x === y || x.includes(y) || y.includes(x));
}

export function normaliseParty(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
