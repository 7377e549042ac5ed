import { parseReminderOffset } from './reminder-offset';
import type { OffsetParts } from './reminder-offset';

const UNITS: readonly [keyof OffsetParts, string][] = [
  ['years', 'year'],
  ['months', 'month'],
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
];

/**
 * A reminder's offset as a person says it: `P30D` is "due in 30 days", `P1D` "due tomorrow", `PT0S`
 * "due today", `overdue` "overdue". Null when the offset is neither a duration nor `overdue`.
 */
export function offsetInWords(offset: string): string | null {
  const parsed = parseReminderOffset(offset);
  if (!parsed) return null;
  if (parsed.kind === 'overdue') return 'overdue';
  const named = UNITS.filter(([unit]) => parsed.parts[unit] > 0).map(([unit, name]) =>
    quantity(parsed.parts[unit], name),
  );
  if (named.length === 0) return 'due today';
  if (named.length === 1 && named[0] === '1 day') return 'due tomorrow';
  return `due in ${joinWords(named)}`;
}

function quantity(count: number, unit: string): string {
  return `${count} ${count === 1 ? unit : `${unit}s`}`;
}

/** ["1 month", "2 days", "3 hours"] -> "1 month, 2 days and 3 hours". */
function joinWords(words: string[]): string {
  const last = words.at(-1) ?? '';
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${last}` : last;
}
