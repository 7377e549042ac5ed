import { addBusinessDays } from './business-days';
import { formatIsoDate, parseIsoDate } from './calendar-date';
import type { Duration, DurationUnit } from './durations';
import { applyDuration } from './durations';
import type { Deadline, Obligation } from './types';

// Words that do not tell one event from another.
const STOP = new Set(
  'the a an of to for and or on in by at its their his her this that these those each any such first said date day relevant applicable'.split(
    ' ',
  ),
);
// A forecast is not the event's date: "Completion, which is expected to occur by 31 March".
const FORECAST = /\b(?:expected|anticipated|forecast|targeted|estimated)\b/i;

function contentWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 2 && !STOP.has(w));
}

function durationOf(deadline: Deadline): Duration | null {
  const m = /^P(\d+)([DWMY])$/.exec(deadline.duration ?? '');
  if (!m?.[1] || !m[2]) return null;
  return {
    amount: Number(m[1]),
    unit: m[2] as DurationUnit,
    businessDays: Boolean(deadline.businessDays),
  };
}

/** An obligation whose own commitment is the event: "a ministerial meeting ... within 180 days". */
function sourceOf(ref: string, at: number, obligations: readonly Obligation[]): Obligation | null {
  const words = contentWords(ref);
  if (words.length === 0) return null;
  const candidates = obligations.filter((o, i) => {
    if (i === at || !o.deadline?.dueDate || FORECAST.test(o.text)) return false;
    // The event must be what the obligation is about, not the anchor of its own deadline.
    const own = o.text.replace(o.deadline.expression, ' ').toLowerCase();
    return words.every((w) => new RegExp(`\\b${w.replace(/[^\p{L}\p{N}-]/gu, '')}`, 'u').test(own));
  });
  const before = candidates.filter((o) => o.span[0] < (obligations[at]?.span[0] ?? 0));
  return before[before.length - 1] ?? candidates[0] ?? null;
}

function resolved(deadline: Deadline, source: Obligation, holidayCountry: string): Deadline | null {
  const eventDate = parseIsoDate(source.deadline?.dueDate ?? '');
  if (!eventDate) return null;
  const duration = durationOf(deadline);
  const sign = deadline.relation === 'before' ? -1 : 1;
  const due =
    deadline.kind === 'on' || !duration
      ? eventDate
      : duration.businessDays
        ? addBusinessDays(eventDate, duration.amount, holidayCountry, sign)
        : applyDuration(eventDate, duration, sign);
  const eventIso = formatIsoDate(eventDate);
  const dueIso = formatIsoDate(due);
  const period = /^R\/(P\w+)$/.exec(deadline.recurrence ?? '')?.[1];
  return {
    ...deadline,
    dueDate: dueIso,
    ...(period ? { recurrence: `R/${dueIso}/${period}` } : {}),
    rule: `${deadline.rule}; ${deadline.anchor.ref ?? 'the event'} due by ${eventIso} (${source.deadline?.expression ?? ''})`,
    anchor: { ...deadline.anchor, date: eventIso },
  };
}

/**
 * Deadlines counted from another commitment ("within 90 days after the ministerial meeting")
 * take that commitment's own due date as their anchor when the text gives it, repeatedly, so a
 * chain of events resolves; the rest stay open with their event ref.
 */
export function resolveChainedAnchors(
  obligations: readonly Obligation[],
  holidayCountry: string,
): Obligation[] {
  let current = [...obligations];
  for (let pass = 0; pass < 3; pass += 1) {
    const previous = current;
    current = previous.map((o, i) => {
      const d = o.deadline;
      if (!d || d.dueDate !== null || d.anchor.type !== 'event' || !d.anchor.ref) return o;
      const source = sourceOf(d.anchor.ref, i, previous);
      const deadline = source ? resolved(d, source, holidayCountry) : null;
      return deadline ? { ...o, deadline } : o;
    });
    if (current.every((o, i) => o === previous[i])) break;
  }
  return current;
}
