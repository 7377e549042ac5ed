import { countryNamed } from '@dealwatch/countries';

import type { DeadlineContext } from './deadlines';

/**
 * Where the governments whose fiscal year is named after the calendar year it ends in close it:
 * "fiscal year 2027" of the United States ends on 30 September 2027. Japan's, named after the
 * year it starts in, and the "2026-27" of the United Kingdom and Canada are left out.
 */
const GOVERNMENT_FISCAL_YEAR_ENDS: Readonly<Record<string, { month: number; day: number }>> = {
  US: { month: 9, day: 30 },
  TH: { month: 9, day: 30 },
  AU: { month: 6, day: 30 },
  NZ: { month: 6, day: 30 },
  PK: { month: 6, day: 30 },
  EG: { month: 6, day: 30 },
  KE: { month: 6, day: 30 },
  BD: { month: 6, day: 30 },
  IN: { month: 3, day: 31 },
};

/**
 * The context a commitment's deadline is read in: where the text states no fiscal year of its own
 * and one state alone commits, that state's government's fiscal year.
 */
export function withActorsFiscalYear(
  context: DeadlineContext,
  actors: readonly string[],
): DeadlineContext {
  const [actor] = actors;
  if (context.fiscalYearStated || actors.length !== 1 || actor === undefined) return context;
  const code = countryNamed(actor)?.code;
  const end = code ? GOVERNMENT_FISCAL_YEAR_ENDS[code] : undefined;
  return end ? { ...context, fiscalYearEnd: end } : context;
}
