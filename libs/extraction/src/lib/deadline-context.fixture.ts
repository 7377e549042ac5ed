import type { CalendarDate } from './calendar-date';
import type { DeadlineContext } from './deadlines';
import { findDefinitions } from './definitions';

/**
 * What a deadline is read against in specs: a document signed on `signedAt` that states nothing
 * else (no definitions, no dated events, calendar fiscal years, US holidays), with `over` on top.
 */
export function deadlineContext(
  signedAt: CalendarDate,
  over: Partial<DeadlineContext> = {},
): DeadlineContext {
  return {
    signedAt,
    publishedAt: null,
    effectiveAt: null,
    entryIntoForceAt: null,
    definitions: findDefinitions('', null),
    events: new Map(),
    fiscalYearEnd: { month: 12, day: 31 },
    fiscalYearStated: false,
    termExpiry: null,
    holidayCountry: 'US',
    renewalPeriod: null,
    reference: signedAt,
    ...over,
  };
}
