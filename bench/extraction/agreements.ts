import type { ExtractionResult } from '@dealwatch/extraction';

import type { Prf } from './metrics';
import { normaliseParty, overlap, pairByOverlap, prf, refsMatch } from './metrics';
import type { GoldPairFields, PairAgreement } from './pair-agreement';
import { addPair, emptyPairAgreement } from './pair-agreement';

export interface GoldDeadline extends NonNullable<GoldPairFields['deadline']> {
  expression: string;
  dueDate: string | null;
  anchor: { type: string; ref?: string };
}
export interface GoldObligation extends GoldPairFields {
  evidence: string;
  deadline: GoldDeadline | null;
}
export interface GoldDocument {
  file: string;
  title: string;
  publishedAt: string | null;
  signedAt: string | null;
  effectiveAt: string | null;
  parties: string[];
  obligations: GoldObligation[];
}

export interface AgreementScores {
  obligations: Prf;
  deadlines: Prf;
  datedDeadlines: Prf;
  parties: Prf;
  signedAt: number;
  publishedAt: number;
  effectiveAt: number;
  matchedPairs: PairAgreement;
}

interface Counts {
  obligationHits: number;
  obligationPredicted: number;
  obligationGold: number;
  hits: number;
  predicted: number;
  gold: number;
  datedHits: number;
  datedPredicted: number;
  datedGold: number;
  partyHits: number;
  partyPredicted: number;
  partyGold: number;
  signed: number;
  published: number;
  effective: number;
}

/** Scores extraction results against the corpus gold, as the corpus README's Scoring section says. */
export function scoreAgreements(
  docs: readonly { gold: GoldDocument; text: string; result: ExtractionResult }[],
): AgreementScores {
  const c: Counts = {
    obligationHits: 0,
    obligationPredicted: 0,
    obligationGold: 0,
    hits: 0,
    predicted: 0,
    gold: 0,
    datedHits: 0,
    datedPredicted: 0,
    datedGold: 0,
    partyHits: 0,
    partyPredicted: 0,
    partyGold: 0,
    signed: 0,
    published: 0,
    effective: 0,
  };
  const matchedPairs = emptyPairAgreement();
  for (const { gold, text, result } of docs) {
    const goldSpans = gold.obligations.map((o): [number, number] => {
      const start = text.indexOf(o.evidence);
      return [start, start + o.evidence.length];
    });
    const predicted = result.obligations.map((o) => o.span);
    const pairs = pairByOverlap(predicted, goldSpans);
    c.obligationHits += pairs.length;
    for (const [i, j] of pairs) addPair(matchedPairs, gold.obligations[j]!, result.obligations[i]!);
    c.obligationPredicted += predicted.length;
    c.obligationGold += goldSpans.length;

    const goldWithDeadline = gold.obligations
      .map((o, i) => ({ o, span: goldSpans[i]! }))
      .filter((g) => g.o.deadline !== null);
    c.gold += goldWithDeadline.length;
    c.datedGold += goldWithDeadline.filter((g) => g.o.deadline!.dueDate !== null).length;
    const matched = new Set<number>();
    for (const ob of result.obligations) {
      const d = ob.deadline;
      if (!d) continue;
      c.predicted += 1;
      if (d.dueDate !== null) c.datedPredicted += 1;
      const hit = goldWithDeadline.findIndex((g, gi) => {
        if (matched.has(gi) || overlap(ob.span, g.span) === 0) return false;
        const gd = g.o.deadline!;
        if (gd.dueDate !== null) return gd.dueDate === d.dueDate;
        return d.dueDate === null && refsMatch(gd.anchor.ref, d.anchor.ref);
      });
      if (hit >= 0) {
        matched.add(hit);
        c.hits += 1;
        if (d.dueDate !== null) c.datedHits += 1;
      }
    }

    const goldParties = new Set(gold.parties.map(normaliseParty));
    const predictedParties = new Set(result.parties.map(normaliseParty));
    c.partyGold += goldParties.size;
    c.partyPredicted += predictedParties.size;
    for (const p of predictedParties) if (goldParties.has(p)) c.partyHits += 1;

    if (result.signedAt === gold.signedAt) c.signed += 1;
    if (result.publishedAt === gold.publishedAt) c.published += 1;
    if (result.effectiveAt === gold.effectiveAt) c.effective += 1;
  }
  const n = docs.length;
  return {
    obligations: prf(c.obligationHits, c.obligationPredicted, c.obligationGold),
    deadlines: prf(c.hits, c.predicted, c.gold),
    datedDeadlines: prf(c.datedHits, c.datedPredicted, c.datedGold),
    parties: prf(c.partyHits, c.partyPredicted, c.partyGold),
    signedAt: c.signed / n,
    publishedAt: c.published / n,
    effectiveAt: c.effective / n,
    matchedPairs,
  };
}
