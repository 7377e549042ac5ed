import { addBusinessDays } from './business-days';
import { formatIsoDate, parseIsoDate } from './calendar-date';
import { PREVIOUS_COMMITMENT, withoutFrontedEvent } from './deadlines';
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

const RECEIPT_OF = /^(?:the\s+)?(?:receipt|delivery|issu(?:e|ance))\s+of\s+/i;

// "the date that the Secretary publishes a list ... under section 2 of this order": the provision
// a thing is done under does not tell the event.
const UNDER_PROVISION =
  /\s+(?:under|pursuant\s+to|in\s+accordance\s+with)\s+(?:section|subsection|paragraph|clause|article)\b.*$/i;

/**
 * A verb of an event without its ending, so that it begins the word of the commitment: the
 * Secretary "publishes" what the Secretary shall "publish", "identifies" what it shall "identify".
 */
function stem(word: string): string {
  const bare = word.replace(/(?:ies|es|s|ed|ing)$/, '');
  return bare.length >= 4 ? bare : word;
}

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

/**
 * The words an obligation is about, leaving out its own deadline's anchor and the event it
 * follows: "Following the closing, Orion intends to list its shares by March" does not date the
 * closing.
 */
function ownWords(o: Obligation): readonly string[] {
  const text = withoutFrontedEvent(o.text);
  return contentWords(o.deadline ? text.replace(o.deadline.expression, ' ') : text);
}

/** Which obligations speak of an event: every word of its ref begins one of their words. */
class EventIndex {
  private readonly words: readonly (readonly string[])[];
  private readonly byRef = new Map<string, readonly number[]>();

  constructor(obligations: readonly Obligation[]) {
    this.words = obligations.map((o) => (FORECAST.test(o.text) ? [] : ownWords(o)));
  }

  about(ref: string): readonly number[] {
    const cached = this.byRef.get(ref);
    if (cached) return cached;
    // "receipt of the Notice to Proceed" is on the day the notice is due to be given, at the latest.
    const wanted = contentWords(ref.replace(RECEIPT_OF, '').replace(UNDER_PROVISION, '')).map(stem);
    const found =
      wanted.length === 0
        ? []
        : this.words.flatMap((own, i) =>
            wanted.every((w) => own.some((t) => t.startsWith(w))) ? [i] : [],
          );
    this.byRef.set(ref, found);
    return found;
  }
}

/**
 * The obligation whose own commitment is the event ("a ministerial meeting ... within 180
 * days") and whose date is known: the nearest one before the deadline, else the first after.
 */
function sourceOf(
  ref: string,
  at: number,
  obligations: readonly Obligation[],
  index: EventIndex,
): Obligation | null {
  if (ref === PREVIOUS_COMMITMENT) {
    const previous = obligations[at - 1];
    return previous?.deadline?.dueDate ? previous : null;
  }
  let before: Obligation | null = null;
  for (const i of index.about(ref)) {
    const o = obligations[i];
    if (i === at || !o?.deadline?.dueDate) continue;
    if (i > at) return before ?? o;
    before = o;
  }
  return before;
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
  const index = new EventIndex(current);
  for (let pass = 0; pass < 3; pass += 1) {
    const previous = current;
    current = previous.map((o, i) => {
      const d = o.deadline;
      if (!d || d.dueDate !== null || d.anchor.type !== 'event' || !d.anchor.ref) return o;
      const source = sourceOf(d.anchor.ref, i, previous, index);
      const deadline = source ? resolved(d, source, holidayCountry) : null;
      return deadline ? { ...o, deadline } : o;
    });
    if (current.every((o, i) => o === previous[i])) break;
  }
  return current;
}
