import { approximateMs, parseReminderOffset } from './reminder-offset';

/** From least to most urgent. */
export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

const DAY_MS = 86_400_000;

/**
 * How urgent a reminder is: overdue is critical, due now high, due within a day medium, within a
 * week low, anything further out (and an offset we cannot read) informational.
 */
export function severityOf(offset: string): Severity {
  const parsed = parseReminderOffset(offset);
  if (!parsed) return 'info';
  if (parsed.kind === 'overdue') return 'critical';
  const ahead = approximateMs(parsed.parts);
  if (ahead === 0) return 'high';
  if (ahead <= DAY_MS) return 'medium';
  if (ahead <= 7 * DAY_MS) return 'low';
  return 'info';
}

/** Positive when `a` is more urgent than `b`; for sorting. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severities.indexOf(a) - severities.indexOf(b);
}
