import { startsWithListedVerb } from './clauses';
import type { TimeExpression } from './deadline-expressions';
import { findTimeExpressions } from './deadline-expressions';
import { findDayOfPeriod } from './period-days';
import type { Span } from './spans';
import { mergeSpans } from './spans';

/**
 * The action of a commitment as a short verb phrase that reads as a milestone title: "hold a
 * bilateral ministerial meeting", "provide financing", "deliver the first Shipment of Product".
 * The deadline is reported on its own, so the time expression is left out of the title.
 */
export interface Action {
  /** At most eight words, cut at a word that can end a phrase. */
  readonly title: string;
  /** The whole verb phrase up to the clause's first break, for classifying the commitment. */
  readonly phrase: string;
  /**
   * Set where the clause's subject is what is acted on, not who acts ("The fee shall be paid by the
   * Buyer", "A meeting is scheduled for June"): the agent the passive names ("the Buyer"), or null
   * where it names none. Absent where the subject acts.
   */
  readonly agent?: string | null;
}

const MAX_WORDS = 8;
// How many words past the most a title may take to end where its phrase ends.
const NEARLY = 2;
// "A meeting is scheduled for June 18": the event itself is the subject of a passive.
const SCHEDULED_PASSIVE =
  /^\s*(?:is|are)\s+(?:scheduled|planned|set|due|expected|targeted)\s+(?:for|by|within|in|on)\b/i;
const EXPECTED_TO = /^\s*(?:is|are)\s+(?:expected|scheduled|planned|targeted|intended|due)\s+to\b/i;
const IS_THE_DAY = /^be\s+(?:the\s+)?(?:date|day)\b/i;
// What an event does by itself: "Closing is expected to occur", "the meeting shall take place".
const HAPPENS = /^(?:occur|happen|take place)$/i;
// Things one holds: "hold a bilateral ministerial meeting".
const HELD_EVENT =
  /\b(?:meeting|meetings|ministerial|summit|dialogue|conference|session|consultations?|talks|forum|review)\s*$/i;
// Words between the modal and the verb; "shall not, and shall procure that ..., reverse": "not" may
// come right before a comma.
const LEADING = /^\s*(?:(?:and|or|to|also|further|jointly|not|then|each|both)\b\s*)*/i;
// "shall not assign", "has agreed not to acquire": a duty to refrain, whose title must say so.
const NEGATION = /\bnot\b/i;
// "shall, on or before 1 March of each year, provide": what sits between the commas is the when.
const INTERJECTION = /^\s*,[^,;]*,\s*/;
// Words a title must not end on: "give each other early notice of projects and".
const DANGLING =
  /\s+(?:and|but|or|of|the|a|an|to|in|into|with|for|by|on|at|from|its|their|his|her|any|all|each|such|that|which|as|within|under|than|not|no|more|less|through|via|over|per|across|between|among|against|without|towards?|tied|linked|related|relating|based|attached|pursuant|according|prior|due|least|most|starting|beginning|commencing)$/i;
// A stop ends the phrase; the dots of "U.S.", "Inc." or "No." and the commas of "1,000" and "June
// 30, 2026" do not.
// "no later than" and "on or before" start a time limit, which is no part of the action, also where
// it is one the time expressions do not give ("the tenth (10th) Business Day of each month"), as
// do "as soon as" ("supply to the Lender as soon as they become available"), a time of day ("by
// close of business on", "by 5:00 p.m. on") and "once" ("create 400 jobs once the plant is
// operational"; not "once a year"). So does a backstop ("within 30 days and in any event no later
// than", "but in no event later than").
const BREAK =
  /[;:(]|,(?!\d|\s*\d{4}\b)|(?<!\b(?:[A-Z]\.[A-Z]|Inc|Ltd|Co|Corp|No|Nos|Art|Sec|e\.g|i\.e))\.(?=\s|$)|\b(?:no|not) later than\b|\bon or before\b|\bas soon as\b|\b(?:and|but)\s+in\s+(?:any|every|all|no)\s+(?:event|case)s?\b|\bby\s+(?:the\s+)?close\s+of\s+business\b|\bby\s+\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\bonce\b(?!\s+(?:a|an|per|each|every|in|more|again|only|or|and)\b)/i;

// A passive title: its participle alone or with a particle ("be paid", "be set up"), or with a
// place, a party or a repetition after it ("be held in Tokyo", "be ratified by the European
// Parliament", "be conducted every two years").
const PASSIVE =
  /^be\s+(?:(\w+)(?:\s+(up|out|down|off|over|forth|aside|back))?$|(\w+)\s+(?=(?:in|at|to|with|under|between|among|every|each)\s|by\s+(?:the\s+)?[A-Z]|(?:annually|quarterly|monthly|yearly)\b))/i;

// "be paid by the Buyer", "be set up by both sides": who acts, right after the participle. A name
// is capitalised; the collective words of news text are not.
const PASSIVE_AGENT = new RegExp(
  String.raw`^(be\s+\w+(?:\s+(?:up|out|down|off|over|forth|aside|back))?)\s+by\s+` +
    String.raw`((?:the\s+|each\s+|both\s+)?(?:two\s+)?(?:[A-Z][\w.&'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.&'’-]*)*|` +
    String.raw`(?:parties|participants|partners|sides|countries|governments|signatories)\b))`,
);

/** "be paid by the Buyer within 30 days" -> the phrase without its agent, and the agent. */
function withoutAgent(phrase: string): { phrase: string; agent: string } | null {
  const m = PASSIVE_AGENT.exec(phrase);
  if (!m?.[1] || !m[2]) return null;
  return { phrase: `${m[1]}${phrase.slice(m[0].length)}`, agent: m[2] };
}

/**
 * A passive title in the active voice, its subject as object: "The first tranche will be paid" is
 * "pay the first tranche", "A working group will be set up" "set up a working group", "The meeting
 * is to be held in Tokyo" "hold the meeting in Tokyo". Null for any other title.
 */
function activeVoice(title: string, subject: string): string | null {
  const m = PASSIVE.exec(title);
  const base = baseVerb(m?.[1] ?? m?.[3] ?? '');
  if (!m || !base) return null;
  const verb = m[2] ? `${base} ${m[2].toLowerCase()}` : base;
  const rest = title.slice(m[0].length);
  return rest ? `${verb} ${subject} ${rest}` : `${verb} ${subject}`;
}

const IRREGULAR: Readonly<Record<string, string>> = {
  paid: 'pay',
  repaid: 'repay',
  held: 'hold',
  made: 'make',
  given: 'give',
  sent: 'send',
  taken: 'take',
  sold: 'sell',
  built: 'build',
  met: 'meet',
  done: 'do',
  set: 'set',
  put: 'put',
};

// "invited", "united", "expedited": verbs in "-ite", where "visited" and "audited" end in "-it".
const LONG_I_BEFORE_T = /^(?:re|un|pre)?(?:invit|unit|cit|excit|ignit|incit|recit|expedit)$/;

/**
 * The base form of a past participle, by the spelling rules of English: irregular forms from a
 * table, "submitted" -> "submit", "delivered" -> "deliver", "completed" -> "complete",
 * "approved" -> "approve", "closed" -> "close", "notified" -> "notify". Null when the word is
 * not a participle, so that the caller keeps the text as written.
 */
export function baseVerb(participle: string): string | null {
  const word = participle.toLowerCase();
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (!/[a-z]{2,}ed$/.test(word)) return null;
  if (word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  const stem = word.slice(0, -2);
  if (/([bgkmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  if (LONG_I_BEFORE_T.test(stem)) return `${stem}e`;
  if (
    /(?:[aeiou][td]|[cvzu]|[aeiou]s|[rnp]s|[^aeiou]g)$/.test(stem) &&
    !/(?:[aeiou]{2}d|it|ent)$/.test(stem)
  )
    return `${stem}e`;
  return stem;
}

// "by March 31 of each year": a repetition written right after a date belongs to the time.
const EACH_PERIOD_AFTER =
  /^\s+(?:of|in)\s+(?:each|every)\s+(?:calendar\s+|fiscal\s+|financial\s+)?(?:year|month|quarter|week)\b/i;

// "shall by no later than 31 January 2027 open the account": the "by" belongs to the limit.
const LIMIT_WORDS = /^(?:no|not)\s+later\s+than\b|^on\s+or\s+before\b/i;
const BY_BEFORE = /\bby\s+$/i;

/**
 * Where the clause says when: its time expressions (in order and apart, as findTimeExpressions
 * gives them), each with a repetition written right after it, and a day of each period ("on the
 * first day of each month"), which the deadline reads apart from them. In order and apart.
 */
function timeSpans(clause: string, times: readonly TimeExpression[]): Span[] {
  const spans: Span[] = times.map(({ start, end }) => {
    const tail = EACH_PERIOD_AFTER.exec(clause.slice(end, end + 40));
    const lead = LIMIT_WORDS.test(clause.slice(start, end))
      ? BY_BEFORE.exec(clause.slice(Math.max(0, start - 6), start))
      : null;
    return { start: start - (lead?.[0].length ?? 0), end: end + (tail?.[0].length ?? 0) };
  });
  const day = findDayOfPeriod(clause);
  if (!day) return spans;
  const apart = spans.filter((span) => span.end <= day.start || span.start >= day.end);
  const covered = spans.filter((span) => !apart.includes(span));
  const union = {
    start: Math.min(day.start, ...covered.map((span) => span.start)),
    end: Math.max(day.end, ...covered.map((span) => span.end)),
  };
  return mergeSpans(apart, [union]);
}

/**
 * The clause with the spans that say when blanked out, offsets kept. In one pass: rebuilding the
 * whole clause for each expression cost a square in their number.
 */
function withoutTimes(clause: string, times: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of times) {
    out += clause.slice(at, start) + ' '.repeat(end - start);
    at = end;
  }
  return out + clause.slice(at);
}

// Where a modifier of the action starts: a long phrase is cut before the last of them that fits,
// not in the middle of it ("notify Customer of any Security Incident without undue").
const MODIFIER =
  /^(?:without|prior|upon|through|via|during|until|pursuant|subject|including|described|specified|referred|within|after|before|unless|except|throughout|every)$/i;

// A word of a name: "Net Sales", "First Commercial Sale".
const CAPITALISED = /^[A-Z][a-z]/;
// "$8 billion", "20 per cent": a figure and what it counts.
const FIGURE = /[\d$€£¥]/;
const SCALE = /^(?:thousand|million|billion|trillion|per|percent|cent|tonnes?|%)$/i;

/** How many words of a name or a figure the cut at `at` would leave out (at most three). */
function restOfName(words: readonly string[], at: number): number {
  const last = words[at - 1] ?? '';
  const part = CAPITALISED.test(last)
    ? CAPITALISED
    : FIGURE.test(last) || SCALE.test(last)
      ? SCALE
      : null;
  let count = 0;
  while (part && count < 3 && part.test(words[at + count] ?? '')) count++;
  return count;
}

// Words that start another part of a phrase, which a title may leave out.
const OTHER_PART = /^(?:and|or|but|not|no|than|nor|either)$/i;

/**
 * Whether a phrase a word or two longer than a title ends the words the cut would leave halfway:
 * "identify all Federal lands known to possess mineral deposits", not "... possess mineral". Not
 * where a modifier or another part would be cut off there all the same.
 */
function endsNearly(all: readonly string[]): boolean {
  if (all.length > MAX_WORDS + NEARLY) return false;
  const kept = all.slice(0, MAX_WORDS);
  const extra = all.slice(MAX_WORDS);
  if (kept.some((word, index) => index >= 2 && MODIFIER.test(word))) return false;
  if (DANGLING.test(` ${kept.at(-1) ?? ''}`)) return false;
  return !extra.some(
    (word) => MODIFIER.test(word) || OTHER_PART.test(word) || DANGLING.test(` ${word}`),
  );
}

const RECIPIENT_AT_END = /\s+to\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$/;
const NAME_GOES_ON = /^(?:to|for|of)$/;
// A title may not end on "this" or "these" either ("a report on the effectiveness of these").
const DEMONSTRATIVE_AT_END = /\s+(?:this|these|those)$/i;

/** Whether a title can take the whole phrase. */
function fitsTitle(phrase: string): boolean {
  const all = phrase.split(/\s+/).filter(Boolean);
  return all.length <= MAX_WORDS || endsNearly(all);
}

function titleOf(phrase: string): string {
  const all = phrase.split(/\s+/).filter(Boolean);
  let kept = all.slice(0, MAX_WORDS);
  if (all.length > MAX_WORDS && endsNearly(all)) kept = all;
  else if (all.length > MAX_WORDS) {
    const modifierAt = kept.findLastIndex((word, index) => index >= 2 && MODIFIER.test(word));
    if (modifierAt > 0) kept = kept.slice(0, modifierAt);
    else kept = all.slice(0, MAX_WORDS + restOfName(all, MAX_WORDS));
  }
  let words = kept.join(' ');
  while (DANGLING.test(words) || DEMONSTRATIVE_AT_END.test(words))
    words = words.replace(DANGLING, '').replace(DEMONSTRATIVE_AT_END, '');
  // "submit a plan to the Assistant" of "... to the Assistant to the President for National
  // Security Affairs": a recipient whose name the cut leaves halfway is left out whole.
  const cutName = RECIPIENT_AT_END.exec(words);
  const next = all[words.split(' ').length] ?? '';
  if (cutName && kept.length < all.length && NAME_GOES_ON.test(next))
    words = words.slice(0, cutName.index);
  // A list item's verb may be capitalised ("- Establish a working group"); a title's is not.
  return startsWithListedVerb(words) ? lowerFirst(words) : words;
}

/** A title's verb in lower case, as it may be capitalised at an item's start. */
function lowerFirst(title: string): string {
  return title.replace(/^[A-Z]/, (letter) => letter.toLowerCase());
}

/** "A bilateral ministerial meeting" -> "a bilateral ministerial meeting". */
function nounPhrase(subject: string): string {
  const np = subject
    // "Completion, which is expected to occur": the relative pronoun stands for what it follows.
    .replace(/,?\s+(?:which|that|who)\s*$/i, '')
    .replace(/^.*\b(?:that|which|whereby|under which)\s+/i, '')
    .replace(/[,\s]+$/, '')
    .trim();
  return np.replace(/^(The|A|An)\b/, (article) => article.toLowerCase());
}

// A capitalised word before a word in lower case: not a name of several words ("Minerals Security
// Partnership"), nor a date ("December 31, 2022").
const ITEM_VERB = /^[A-Z][a-z]+\s+[a-z]/;

/**
 * The action of the commitment whose trigger ends at `triggerEnd` (the trigger starts at
 * `triggerStart`). A passive "X is scheduled ..." holds X; "X is expected to close" closes X.
 */
export function actionOf(
  clause: string,
  triggerStart: number,
  triggerEnd: number,
  // The clause's time expressions when the caller has found them already (they are not cheap).
  times: readonly TimeExpression[] = findTimeExpressions(clause),
): Action {
  const clean = withoutTimes(clause, timeSpans(clause, times));
  const trigger = clause.slice(triggerStart, triggerEnd);
  // "identify, within ninety (90) days of ..., a list": the commas around a removed time go too.
  const after = clean.slice(triggerEnd).replace(/,\s*,/g, ' ');
  const leading = LEADING.exec(after)?.[0] ?? '';
  const rest = after.slice(leading.length).replace(INTERJECTION, ' ');
  const affirmative = affirmativeAction(clause, triggerStart, triggerEnd, rest);
  // An item of a lead-in starts with its verb, capitalised or not ("• Modernize customs").
  const action =
    triggerEnd === 0 && ITEM_VERB.test(affirmative.title)
      ? { ...affirmative, title: lowerFirst(affirmative.title) }
      : affirmative;
  return NEGATION.test(trigger) || NEGATION.test(leading)
    ? { ...action, title: `not ${action.title}` }
    : action;
}

/** The action as if the clause were affirmative; `rest` is the clause after its trigger. */
function affirmativeAction(
  clause: string,
  triggerStart: number,
  triggerEnd: number,
  rest: string,
): Action {
  const trigger = clause.slice(triggerStart, triggerEnd);
  const subject = nounPhrase(clause.slice(0, triggerStart));
  const phrase = (rest.split(BREAK)[0] ?? '').replace(/\s+/g, ' ').trim();
  if (SCHEDULED_PASSIVE.test(trigger) && subject.length > 0) return scheduledEvent(subject);
  // "Hire payable 15 days in advance": paying the hire is the action, by whoever owes it.
  if (/^payable$/i.test(trigger) && subject.length > 0)
    return { title: titleOf(`pay ${subject}`), phrase: `pay ${subject} ${phrase}`, agent: null };
  // "The First Delivery Date shall be the date falling 90 days after ...": the day itself.
  if (IS_THE_DAY.test(phrase) && subject.length > 0) return scheduledEvent(subject);
  const title = titleOf(givenFirst(phrase, rest));
  const passive = subject.length > 0 ? passiveAction(phrase, title, subject) : null;
  if (passive) return passive;
  // Everything after the trigger was time ("provides for an outside date of ..."): keep it.
  if (title.length === 0) {
    const whole = (clause.slice(triggerEnd).split(BREAK)[0] ?? '').trim();
    return { title: titleOf(whole), phrase: whole };
  }
  // "Closing is expected to occur", "The first meeting shall take place": the event is the action.
  if (HAPPENS.test(title) && subject.length > 0) return scheduledEvent(subject);
  // "The transaction is expected to close": a lone verb takes its subject as object.
  if (EXPECTED_TO.test(trigger) && /^\w+$/.test(title) && subject.length > 0) {
    return { title: titleOf(`${title} ${subject}`), phrase: `${phrase} ${subject}`, agent: null };
  }
  return { title: withBaseVerb(title), phrase };
}

// "submit to the President a report on ...", "provide to the Chair of the Council a list of ...":
// a verb of giving whose recipient, named, comes before what is given.
const GIVES_TO =
  /^((?:submit|provide|deliver|send|transmit|present|furnish|give|supply|report)\s+)to\s+(?=(?:the\s+)?[A-Z])/i;
// Where what is given starts: a determiner after a name, not after "of", "and" or "on" inside it
// ("the Committee on Natural Resources of the House of Representatives and the Committee on ...").
const GIVEN =
  /(?<=[A-Z][\w.'’-]*)\s+(?=(?:a|an|the|its|their|his|her|any|all|each|such|copies|written)\s)/g;

/**
 * The phrase with what is given before whom it goes to, which a title leaves out where it cannot
 * take the whole phrase: "provide to the Chair of the National Energy Dominance Council a list of
 * priority projects" -> "provide a list of priority projects", the recipient left out. Any
 * other phrase as it is.
 */
function givenFirst(phrase: string, rest: string): string {
  const verb = GIVES_TO.exec(phrase);
  if (!verb?.[1] || fitsTitle(phrase)) return phrase;
  // The recipient may hold commas ("the Committee on Science, Space, and Technology"), which end
  // the phrase: what is given is looked for in the rest of the clause.
  const clause = rest.replace(/\s+/g, ' ').trim();
  GIVEN.lastIndex = verb[0].length;
  const given = GIVEN.exec(clause);
  if (!given) return phrase;
  const recipient = clause.slice(verb[1].length, given.index);
  if (recipient.split(/\s+/).length <= 2 || /[;:.(]/.test(recipient)) return phrase;
  const what = (clause.slice(given.index + given[0].length).split(BREAK)[0] ?? '').trim();
  return `${verb[1]}${what}`;
}

/**
 * "concluding negotiations" -> "conclude negotiations", after "tasked ... with" or "committed to":
 * a gerund of a verb that commitments start with, found by the spelling rules of "-ing" (nothing
 * dropped, an "e" dropped, a consonant doubled). Any other title as it is.
 */
function withBaseVerb(title: string): string {
  const stem = /^([a-z]{2,})ing\b/.exec(title)?.[1];
  if (!stem) return title;
  const doubled = stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : [];
  const base = [stem, `${stem}e`, ...doubled].find((word) => startsWithListedVerb(word));
  return base ? `${base}${title.slice(stem.length + 3)}` : title;
}

/** An event that is scheduled or said to happen, named by itself: "hold the annual meeting". */
function scheduledEvent(subject: string): Action {
  const what = titleOf(subject);
  return { title: HELD_EVENT.test(subject) ? `hold ${what}` : what, phrase: subject, agent: null };
}

/** A passive phrase in the active voice, with the agent it names apart; null if not a passive. */
function passiveAction(phrase: string, title: string, subject: string): Action | null {
  const agented = withoutAgent(phrase);
  const withAgent = agented && activeVoice(titleOf(agented.phrase), subject);
  if (withAgent) return { title: titleOf(withAgent), phrase: withAgent, agent: agented.agent };
  const active = activeVoice(title, subject);
  return active ? { title: titleOf(active), phrase: active, agent: null } : null;
}
