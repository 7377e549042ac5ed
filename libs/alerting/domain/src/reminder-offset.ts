import { tryParseIsoDuration } from '@dealwatch/time';
import type { IsoDuration } from '@dealwatch/time';

export { approximateMs } from '@dealwatch/time';

/** The offset of a reminder that fires once the due date has passed. */
export const OVERDUE = 'overdue';

export type OffsetParts = IsoDuration;

export type ReminderOffset = { kind: 'overdue' } | { kind: 'before'; parts: OffsetParts };

/**
 * Reads a reminder's offset: `overdue`, or an ISO 8601 duration before the due time (`P7D`, `PT0S`).
 * Null for anything else; the contract only promises a string.
 */
export function parseReminderOffset(offset: string): ReminderOffset | null {
  if (offset === OVERDUE) return { kind: 'overdue' };
  const parts = tryParseIsoDuration(offset);
  return parts ? { kind: 'before', parts } : null;
}
