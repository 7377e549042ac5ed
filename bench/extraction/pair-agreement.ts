import type { Deadline, Obligation } from '@dealwatch/extraction';
import { sameDuration } from '@dealwatch/extraction';

/** The parts of a gold obligation compared on matched pairs. */
export interface GoldPairFields {
  evidence: string;
  category: string;
  binding: boolean;
  deadline: {
    duration?: string;
    businessDays?: number;
    relation?: 'after' | 'before';
    recurrence?: string;
  } | null;
}

/** Agreement on matched pairs: [agreeing, compared]. Reported, not part of a hit. */
export interface PairAgreement {
  /** The engine quotes the obligation as the gold does (a final full stop or semicolon aside). */
  evidence: [number, number];
  category: [number, number];
  binding: [number, number];
  durationRelation: [number, number];
  recurrencePeriod: [number, number];
}

export function emptyPairAgreement(): PairAgreement {
  return {
    evidence: [0, 0],
    category: [0, 0],
    binding: [0, 0],
    durationRelation: [0, 0],
    recurrencePeriod: [0, 0],
  };
}

/** "P5D business days" and the gold's `businessDays: 5` are one period; a plain P5D is not. */
function periodOf(deadline: GoldPairFields['deadline'] | Deadline | null): string | null {
  if (!deadline) return null;
  if (typeof deadline.businessDays === 'number') return `BD${deadline.businessDays}`;
  if (deadline.businessDays === true && deadline.duration)
    return `BD${deadline.duration.replace(/\D/g, '')}`;
  return deadline.duration ?? null;
}

function samePeriod(a: string, b: string): boolean {
  return a.startsWith('BD') || b.startsWith('BD') ? a === b : sameDuration(a, b);
}

/** The repeating period of an ISO 8601 repeating interval: "R/2026-01-26/P3M" -> "P3M". */
function recurrencePeriod(recurrence: string | undefined): string | null {
  return recurrence?.split('/').pop() ?? null;
}

function withoutFinalStop(text: string): string {
  return text.replace(/[.;]$/, '');
}

function tally(cell: [number, number], agrees: boolean): void {
  cell[0] += agrees ? 1 : 0;
  cell[1] += 1;
}

/**
 * Adds one matched pair. Duration/relation is compared where either side counts a period, and the
 * recurrence period where either side repeats: silence on one side is a disagreement.
 */
export function addPair(into: PairAgreement, gold: GoldPairFields, engine: Obligation): void {
  tally(into.evidence, withoutFinalStop(gold.evidence) === withoutFinalStop(engine.text));
  tally(into.category, gold.category === engine.category);
  tally(into.binding, gold.binding === engine.binding);
  const goldPeriod = periodOf(gold.deadline);
  const enginePeriod = periodOf(engine.deadline);
  if (goldPeriod !== null || enginePeriod !== null)
    tally(
      into.durationRelation,
      goldPeriod !== null &&
        enginePeriod !== null &&
        samePeriod(goldPeriod, enginePeriod) &&
        gold.deadline?.relation === engine.deadline?.relation,
    );
  const goldEvery = recurrencePeriod(gold.deadline?.recurrence);
  const engineEvery = recurrencePeriod(engine.deadline?.recurrence);
  if (goldEvery !== null || engineEvery !== null)
    tally(
      into.recurrencePeriod,
      goldEvery !== null && engineEvery !== null && sameDuration(goldEvery, engineEvery),
    );
}
