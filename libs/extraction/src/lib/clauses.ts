import { categorise } from './categories';
import { findRecurrence, findTimeExpressions } from './deadline-expressions';
import { frontedEvent } from './deadlines';
import { allMatches } from './matches';
import type { TextSpan } from './sentences';
import { makeSpan } from './sentences';
import type { Trigger } from './triggers';
import { findShorthandTrigger, findTriggers } from './triggers';
import { COMMITMENT_VERB } from './verbs';

/** One commitment inside a sentence: its span and the trigger that makes it one. */
export interface CommitmentClause {
  readonly span: TextSpan;
  readonly trigger: Trigger;
  /**
   * Who commits, as the sentence names them before the trigger. Differs from the text before the
   * clause's own trigger for a commitment that continues another ("..., and create new
   * mechanisms"; "... and shall deliver a certificate"), which shares its subject.
   */
  readonly subject: string;
  /**
   * The event the sentence opens with, which every commitment in it follows: "Upon termination,
   * the Provider shall return all data within thirty days, and the Customer shall pay all fees
   * within ten days" counts both periods from the termination.
   */
  readonly fronted: string | null;
  /**
   * For an item of a list whose lead-in names the action but not its object ("The Company shall
   * deliver to each Shareholder: (a) monthly management accounts ..."): that action.
   */
  readonly leadAction?: string;
  /**
   * Set where a news report quotes the words ('"We will deliver the first cargo by June," the chief
   * executive said'): a promise made to the press, which the agreement does not bind anyone to.
   */
  readonly spoken?: true;
}

// Base verbs that start coordinated commitments ("will select projects, provide financing,
// and create mechanisms").
const LIST_VERBS = new RegExp(String.raw`^(?:and\s+|or\s+)?(?:to\s+)?${COMMITMENT_VERB}`, 'i');
/**
 * Whether a list item reads as an action of its lead-in: from a verb in lower case ("deliver the
 * first shipment"), or a listed verb capitalised ("Establish a working group"); not a section
 * heading ("1. Definitions.", "2. PAYMENT").
 */
export function isListedAction(text: string): boolean {
  return /^[a-z]/.test(text) || startsWithListedVerb(text);
}

/** Whether the text starts with a verb that lists of commitments start their items with. */
export function startsWithListedVerb(text: string): boolean {
  return LIST_VERBS.test(text);
}

// Not a participle that starts a phrase of time or measure ("annually, starting in early 2027",
// "three sites, including Lobito").
const GERUND =
  /^(?:and\s+|or\s+)?(?!(?:starting|beginning|commencing|ending|including|excluding|following|totalling|totaling|amounting|according|regarding|concerning|pending|during|notwithstanding)\b)[a-z]+ing\s+\S+\s+\S+/i;
// ", the ministry said.", ", Indonesia's investment ministry said in a statement.", and after a
// quotation, '," the minister said.'
const ATTRIBUTION =
  /,(["”’']?)\s+((?:the\s+)?[\w\s'’-]{2,50})\s(?:said|read|stated|added|noted|says|reads|states|told\s+(?:reporters|journalists|parliament|lawmakers|the\s+\w+))(?:\s+(?:in\s+a\s+statement|on\s+\w+|late\s+on\s+\w+|in\s+an\s+interview))?\.?$/i;
// "but in any event within 120 days" qualifies the same commitment, so "but" does not split.
// "shall maintain insurance and shall deliver a certificate by ...": two duties, each with its time;
// "intends to list its shares by March and expects to realise synergies within 24 months": two aims.
// "shall not, and shall procure that ... shall not, reverse engineer": one duty, stated twice over.
const CLAUSE_BREAK =
  /;\s+|,\s+(?:while|although|whereas)\s+|(?<!\bnot,?),?\s+and\s+(?=(?:shall|will|must|(?:also\s+)?(?:expects?|intends?|plans?|aims?)\s+to)\s)/g;
// "Japan will provide financing within six months and the United States will hold a meeting": a
// new subject after "and" starts a commitment of its own, with its own deadline. The subject is a
// name, a noun phrase after a determiner, or a pronoun, and runs up to the next commitment word.
const NEW_SUBJECT =
  /,?\s+and\s+(?=(?:(?:the|each|both|every|all|an?)\s+[\w'’&.-]+|[A-Z][\w'’&.-]*|it|they|we|he|she)(?:\s+(?:of|for|and|de|du|the|[A-Z][\w'’&.-]*|[a-z][\w'’-]*)){0,5}\s*$)/;
// Before which "and" joins parts of one clause ("such information as the Investor and its
// advisers will request"; "ensure that the goods and the labels will"), not two commitments.
const SUBORDINATE = /\b(?:that|which|who|whom|whose|as|if|when|where|whether|unless|because|so)\b/i;
// "The Committee shall convene annually, and its first meeting shall take place by 30 June": a
// subject that belongs to the first one says more of the same commitment.
const POSSESSIVE = /\b(?:its|their|his|her)\b/i;
// "Customer may audit Provider once a year, and Provider shall cooperate": a right before the first
// commitment, which is a clause of its own. In lower case: "On 1 May 2027, Alpha and Beta will" names
// a month.
const PERMISSION =
  /\b(?:may|can|could|might)\b|\b(?:is|are)\s+entitled\s+to\b|\b(?:has|have)\s+the\s+right\s+to\b/;
// "Buyer shall purchase and Seller shall sell 100 tonnes": a bare verb shares what follows.
const BARE_VERB = /^\s*(?:not\s+)?[\w'’-]+\s*$/;
// The text before a continuing commitment's trigger, which names no one of its own.
const NO_SUBJECT = /^[\s,]*(?:(?:and|or|also|then)\s+)*$/i;
// "Acme will invest $5 million, and they will open a plant": the pronoun's subject is the last one.
const PRONOUN_SUBJECT = /^\s*(?:it|they|he|she|we)\s*$/i;
// "Under Article 4, ...", "For goods in staging category C, ...", "As a prior action for the review,
// ...", "With respect to franchisees in Ontario, ...": what the commitment is about, before who
// makes it. Not a time ("As soon as practicable", "For a period of 30 days"), nor what the duty goes
// with ("With each set of financial statements, the Borrower shall deliver"), which tells its kind.
const LEAD_IN =
  /^(?:under|according to|in|for|as|with (?:respect|regard) to)\b(?![^,]{0,80}?(?:\d|\b(?:effect|soon|long|period|days?|weeks?|months?|years?|time|date|term|duration)\b))[^,]{0,80},\s+/i;
// "said on Monday", "said in a statement": when or how it was said.
export const WHEN_SAID = String.raw`\s+(?:late\s+)?on\s+[A-Z][a-z]+day|\s+in\s+a\s+statement`;
// "the Australian government said the two sides would ...": the report, not the commitment. Kept
// when a pronoun follows, which only the reporter's name explains. The verb in lower case: "The
// United States will" names a state, not a statement.
const REPORTED_LEAD = new RegExp(
  String.raw`^(?:[Tt]he\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}\s+(?:said|says|stated|states|added|noted|reported|reports)(?!(?:${WHEN_SAID})?\s+(?:that\s+)?(?:it|they|he|she|we|its|their)\b)(?:${WHEN_SAID})?\s+(?:that\s+)?`,
);
// "..., and create new mechanisms": the conjunction joins the list, it is not the item's.
const LIST_CONJUNCTION = /^(?:and|or)\s+/i;
// A clause's heading or list marker: "Article 12", "§ 5", "(a)", "iv)", "(12)".
const LIST_MARKER =
  /^(?:(?:section|clause|article|paragraph|art\.|sec\.|§)\s*\d+(?:\.\d+)*[.:)]?|\(?(?:\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})\))\s+/i;
// A clause number: "7.1", "4.2.1", "12.". A bare number ("30 days after ...") or a decimal
// ("1.5 million tonnes") is the subject's own, so it needs a dot and a capital after it.
const CLAUSE_NUMBER = /^(?:\d{1,3}\.)+\d{0,3}\s+(?=[A-Z"“(])/;

/**
 * How much of the text before the commitment word is lead-in and report ("In its statement, the
 * government said"), neither of which says who commits.
 */
// 'Clause 21.1 is amended to read as follows: "The Borrower shall ...': an amendment's new words,
// whose subject is inside the quotation.
const AMENDED_TO_READ =
  /^[^"“:]{0,160}?\b(?:amended|restated|replaced)\b[^"“:]{0,40}?\b(?:as follows|the following)\s*:?\s*["“]/i;

function leadLength(text: string, triggerStart: number): number {
  let from = 0;
  for (const pattern of [AMENDED_TO_READ, LEAD_IN, REPORTED_LEAD]) {
    const lead = pattern.exec(text.slice(from));
    if (lead && from + lead[0].length <= triggerStart) from += lead[0].length;
  }
  return from;
}

// The heading a statute runs in before its text: "(b) Report.--Not later than 1 year ...", "(1) IN
// GENERAL.—The Secretary shall ...".
const RUN_IN_HEADING = /^[A-Z][\w'’,-]*(?:\s+[\w'’,-]+){0,8}\.?\s*(?:--|—)\s*(?=["“A-Z])/;

/**
 * Without its clause number or list marker and a statute's run-in heading, which are neither the
 * subject nor the evidence.
 */
function trimEnumerator(source: string, span: TextSpan): TextSpan {
  const m = LIST_MARKER.exec(span.text) ?? CLAUSE_NUMBER.exec(span.text);
  const numbered = m ? makeSpan(source, span.start + m[0].length, span.end) : span;
  const heading = RUN_IN_HEADING.exec(numbered.text);
  return heading ? makeSpan(source, numbered.start + heading[0].length, numbered.end) : numbered;
}

// '"We will deliver the first cargo by June," said the chief executive.': the speaker after the verb,
// after a quotation only ("said" before a name is a contract's "the said Agreement").
const SPEAKER_AFTER =
  /,(["”’'])\s+(?:said|says|added|stated)\s+((?:the\s+)?[\w\s'’.-]{2,50}?)\.?$/i;
const OPENING_QUOTE = /^\s*["“‘']/;

/**
 * The sentence without its attribution, who it is attributed to ("Canada's minister"), and
 * whether it quotes them.
 */
function trimAttribution(
  source: string,
  span: TextSpan,
): { span: TextSpan; speaker: string | null; quoted: boolean } {
  const m = ATTRIBUTION.exec(span.text) ?? SPEAKER_AFTER.exec(span.text);
  if (!m) return { span, speaker: null, quoted: false };
  return {
    span: makeSpan(source, span.start, span.start + m.index),
    speaker: m[2] ?? null,
    quoted: m[1] !== '' && OPENING_QUOTE.test(span.text),
  };
}

// "..., analysts said.", "according to analysts", "Analysts at Example Bank predict": the views of
// onlookers, who commit no one.
const ONLOOKERS = String.raw`(?:(?:some|many|most|other|industry|market)\s+)?(?:analysts?|economists?|experts?|observers|traders|forecasters|brokers|commentators|consultants)\b`;
const ONLOOKER_SPEAKER = new RegExp(String.raw`^(?:the\s+)?${ONLOOKERS}`, 'i');
const ONLOOKERS_VIEW = new RegExp(
  String.raw`\baccording\s+to\s+(?:the\s+)?${ONLOOKERS}|^\s*${ONLOOKERS}(?:\s+(?:at|from|with)\s+[^,;]{1,40}?)?\s+(?:said|say|says|expect|expects|predict|predicts|believe|believes|estimate|estimates|forecast|forecasts|think|thinks|reckon|warned|noted)\b`,
  'i',
);

/** Whether the sentence reports the view of onlookers (analysts, economists), not a party's word. */
function isOnlookersView(sentence: string, speaker: string | null): boolean {
  return (
    (speaker !== null && ONLOOKER_SPEAKER.test(speaker.trim())) || ONLOOKERS_VIEW.test(sentence)
  );
}

// "Officials said they hoped the plant would open", "he expected the smelter would be completed",
// "We are confident the project will": a prediction or a hope about what will happen, not a
// commitment. The verb is one, not an adjective ("the expected delivery date shall").
const PREDICTED = new RegExp(
  String.raw`\b(?:hope[sd]?|expect(?:s|ed)?|predict(?:s|ed)?|forecast(?:s|ed)?|believe[sd]?|estimate[sd]?|anticipate[sd]?|(?:is|are|am|was|were)\s+(?:confident|optimistic|hopeful))(?<!\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Aa]ny|[Ss]uch)\s+\w+)\s+(?:that\s+)?(?:the|this|these|those|its|their|it|they|we|he|she|[A-Z][\w'’.&-]*)\b[^;:]{0,80}$`,
);

// '"We are going to deliver ...," the minister said': the speaker's "we".
const FIRST_PERSON = /^\s*["“]?\s*we\s*$/i;

// "We welcome ...", "We note that the IMF will publish ...", "We recognise that countries will need
// to ...": what the speakers of a declaration take note of, which commits them to nothing. The
// speakers are the group's.
const ACKNOWLEDGED =
  /^\s*["“]?(we)(?:,[^,]{1,80},)?\s+(?:(?:also|further|strongly|warmly|firmly|fully)\s+)?(?:reaffirm|welcome|note|take\s+note|recogni[sz]e|acknowledge|stress|underline|underscore|emphasi[sz]e|highlight|look\s+forward|appreciate|commend|applaud|encourage|call\s+(?:on|upon)|urge|invite|support|endorse|recall|reiterate|express|affirm)\b/i;
// "We welcome the report and commit to ...", "We reaffirm that we will ...": the speakers commit
// after all.
const SPEAKERS_COMMIT = /(?:\band|\bwe)\s+(?:(?:also|further|jointly)\s+)?$/i;

/**
 * Who speaks where a part of a sentence opens with what a declaration's speakers take note of
 * ("We welcome"), and whether its commitment word is theirs: it is, after "and" or "we" again.
 */
function acknowledgement(named: string): { speakers: string; commits: boolean } | null {
  const m = ACKNOWLEDGED.exec(named);
  return m?.[1] ? { speakers: m[1], commits: SPEAKERS_COMMIT.test(named) } : null;
}

/** Splits "A, B, and C" after a trigger into separate commitments when it is a list of verbs. */
function splitList(source: string, span: TextSpan, trigger: Trigger): TextSpan[] {
  const relativeEnd = trigger.end;
  const tail = span.text.slice(relativeEnd);
  const pieces = tail.split(/,\s+/);
  if (pieces.length < 2) return [span];
  const rest = pieces.slice(1);
  const gerunds = rest.every((piece) => GERUND.test(piece));
  const verbs = rest.every((piece) => LIST_VERBS.test(piece));
  if (!gerunds && !verbs) return [span];
  const items: TextSpan[] = [];
  let cursor = span.start;
  let offset = span.start + relativeEnd;
  for (const [index, piece] of pieces.entries()) {
    const pieceStart = source.indexOf(piece, offset);
    const itemEnd = pieceStart + piece.length;
    if (index > 0) cursor = pieceStart + (LIST_CONJUNCTION.exec(piece)?.[0].length ?? 0);
    items.push(makeSpan(source, cursor, itemEnd));
    offset = itemEnd;
  }
  return mergeByCategory(source, items);
}

/**
 * Neighbouring items of one kind stay together; an item with no signal joins its neighbour. Items
 * that each say when ("set up a task force within 60 days, and to review progress annually") stay
 * apart, each with its own time.
 */
function mergeByCategory(source: string, items: TextSpan[]): TextSpan[] {
  const categories = items.map((item) => {
    const category = categorise(item.text, item.text);
    return category === 'other' ? null : category;
  });
  const merged: { span: TextSpan; category: string | null; saysWhen: () => boolean }[] = [];
  for (const [index, item] of items.entries()) {
    const category = categories[index] ?? null;
    const last = merged[merged.length - 1];
    const itemSaysWhen = once(() => saysWhen(item.text));
    if (
      last &&
      (category === null || last.category === null || last.category === category) &&
      !(last.saysWhen() && itemSaysWhen())
    ) {
      const before = last.saysWhen;
      last.span = makeSpan(source, last.span.start, item.end);
      last.category = last.category ?? category;
      last.saysWhen = () => before() || itemSaysWhen();
    } else {
      merged.push({ span: item, category, saysWhen: itemSaysWhen });
    }
  }
  return merged.map((m) => m.span);
}

// "shall: (a) deliver ...; (b) provide ...; and (c) maintain ...": items of one commitment run on
// in its sentence, each from its verb. Not a reference ("paragraph (a) of Schedule 1").
// The "(" first: the lookbehinds run only where one is, not at every character.
const INLINE_ITEM =
  /\((?<=(?:^|[\s:;,])\()(?<!\b(?:paragraph|clause|section|article|schedule|sub-?clause|item|point|letter|limb|annex|exhibit|appendix|part)\s+\()([a-z]|[ivx]{1,5}|\d{1,2})\)\s+(?=(?!(?:of|to|in|on|at|by|for|with|from|above|below|hereof|thereof|hereto)\b)[a-z])/gi;
const FIRST_ITEMS = new Set(['a', 'i', '1']);
// What joins an item to the text before it: "; and", ",", ":".
const LEADING_JOINT = /[\s:;,]*(?:\b(?:and|or)\s+)?$/i;

// What is left after the commitment word of a list's lead-in.
const LIST_LEAD_IN = /^\s*(?:the\s+following|as\s+follows)?\s*:?\s*$/i;

/** Whether a commitment says nothing after its commitment word but that a list follows. */
export function leadsInList(clause: CommitmentClause): boolean {
  return LIST_LEAD_IN.test(clause.span.text.slice(clause.trigger.end));
}

/** A stretch of a span's text that separates two of its clauses. */
interface Cut {
  readonly at: number;
  readonly length: number;
}

const cutOf = (m: RegExpExecArray): Cut => ({ at: m.index, length: m[0].length });

/** The span in pieces, each cut left out. */
function cutAt(source: string, span: TextSpan, cuts: readonly Cut[]): TextSpan[] {
  const pieces: TextSpan[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(makeSpan(source, span.start + start, span.start + cut.at));
    start = cut.at + cut.length;
  }
  pieces.push(makeSpan(source, span.start + start, span.end));
  return pieces;
}

const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };

/** Where a marker ("b", "iii", "2") stands in a list numbered as `first` is: "a", "i" or "1". */
function markerValue(marker: string, first: string): number | null {
  const lower = marker.toLowerCase();
  if (first === '1') return /^\d+$/.test(lower) ? Number(lower) : null;
  if (first === 'a') return /^[a-z]$/.test(lower) ? lower.charCodeAt(0) - 96 : null;
  if (!/^[ivx]+$/.test(lower)) return null;
  const values = Array.from(lower, (letter) => ROMAN[letter] ?? 0);
  return values.reduce(
    (sum, value, index) => sum + ((values[index + 1] ?? 0) > value ? -value : value),
    0,
  );
}

/** The markers that number a list in order from its first: "(1) hour ... (4) hours" is none. */
function inSequence(markers: readonly RegExpExecArray[]): RegExpExecArray[] {
  const first = markers[0]?.[1]?.toLowerCase() ?? '';
  if (!FIRST_ITEMS.has(first)) return [];
  const kept: RegExpExecArray[] = [];
  for (const m of markers) if (markerValue(m[1] ?? '', first) === kept.length + 1) kept.push(m);
  return kept;
}

/** Where each item of a list run on in the sentence starts: two items or more, from the first. */
function inlineItemCuts(text: string): Cut[] {
  if (!text.includes('(')) return [];
  const markers = inSequence(allMatches(INLINE_ITEM, text));
  if (markers.length < 2) return [];
  return markers.map((m) => {
    // The joint is short: looking back further would cost a square in the number of items.
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const joint = LEADING_JOINT.exec(before)?.[0].length ?? 0;
    return { at: m.index - joint, length: joint + m[0].length };
  });
}

/** Where a new subject and its own commitment word follow "and" after a commitment or a right. */
function newSubjectCuts(text: string): Cut[] {
  // Every new subject follows an "and": most clauses need no look at their commitment words.
  if (!/\band\s/i.test(text)) return [];
  const triggers = findTriggers(text);
  const cuts: Cut[] = [];
  for (const [index, trigger] of triggers.entries()) {
    const from = triggers[index - 1]?.end ?? 0;
    const between = text.slice(from, trigger.start);
    const m = NEW_SUBJECT.exec(between);
    if (!m) continue;
    const commitment = between.slice(0, m.index);
    if (index === 0 && !PERMISSION.test(commitment)) continue;
    const subject = between.slice(m.index + m[0].length);
    if (SUBORDINATE.test(commitment) || BARE_VERB.test(commitment) || POSSESSIVE.test(subject))
      continue;
    cuts.push({ at: from + m.index, length: m[0].length });
  }
  return cuts;
}

// "must begin construction within 18 months and reach commercial operation by December 2029": after
// a time limit, "and" and a verb start one more commitment of the same subject, when it says when
// too. Not a determiner, a preposition or a word of time ("and the deposit", "and thereafter").
const TIMED_VERB_JOINT =
  /^,?\s+and\s+(?!(?:the|a|an|any|all|each|every|its|their|his|her|such|this|that|these|those|no|not|in|on|at|by|for|of|to|from|with|within|before|after|until|upon|thereafter|then|annually|quarterly|monthly|yearly|weekly|once|twice)\b)(?=[a-z]+\s)/;

/** The span cut after each time limit that "and" and a verb with a time of its own follow. */
function splitTimedVerbs(source: string, span: TextSpan, triggerEnd: number): TextSpan[] {
  if (!/\sand\s+[a-z]/.test(span.text)) return [span];
  const items: TextSpan[] = [];
  const times = findTimeExpressions(span.text);
  let start = 0;
  for (const time of times) {
    const joint =
      time.start >= triggerEnd ? TIMED_VERB_JOINT.exec(span.text.slice(time.end)) : null;
    if (!joint) continue;
    // What follows says when by a time of its own, already found, or a repetition.
    const rest = time.end + joint[0].length;
    const restSaysWhen =
      times.some((later) => later.start >= rest) || findRecurrence(span.text.slice(rest)) !== null;
    if (!restSaysWhen) continue;
    items.push(makeSpan(source, span.start + start, span.start + time.end));
    start = rest;
  }
  if (items.length === 0) return [span];
  items.push(makeSpan(source, span.start + start, span.end));
  return items;
}

/** The value of `compute`, computed at the first call only. */
function once<T>(compute: () => T): () => T {
  let value: { readonly of: T } | null = null;
  return () => (value ??= { of: compute() }).of;
}

/** Whether a piece of a clause states a time limit or a repetition of its own. */
function saysWhen(text: string): boolean {
  return findTimeExpressions(text).length > 0 || findRecurrence(text) !== null;
}

/**
 * The sentence cut where a clause may start: at the items of a list run on in it (each marked as
 * an item, which starts with its verb), at clause breaks, and before new subjects.
 */
function sentenceParts(source: string, sentence: TextSpan): { span: TextSpan; item: boolean }[] {
  const itemCuts = inlineItemCuts(sentence.text);
  const pieces = itemCuts.length > 0 ? cutAt(source, sentence, itemCuts) : [sentence];
  return pieces.flatMap((piece, pieceIndex) =>
    cutAt(source, piece, allMatches(CLAUSE_BREAK, piece.text).map(cutOf))
      .flatMap((part) => cutAt(source, part, newSubjectCuts(part.text)))
      .map((span, at) => ({ span, item: pieceIndex > 0 && at === 0 })),
  );
}

/** The commitments stated in one sentence. */
export function findCommitmentClauses(source: string, sentence: TextSpan): CommitmentClause[] {
  const clauses: CommitmentClause[] = [];
  const { span: said, speaker, quoted } = trimAttribution(source, sentence);
  if (isOnlookersView(said.text, speaker)) return [];
  const parts = sentenceParts(source, said);
  let subject = '';
  let fronted: string | null = null;
  let lastTrigger: Trigger | null = null;
  for (const [index, { span: listed, item }] of parts.entries()) {
    const part = trimEnumerator(source, listed);
    if (index === 0) fronted = frontedEvent(part.text);
    const triggers = findTriggers(part.text);
    const first = triggers[0];
    if (!first) {
      // "We reaffirm our commitment to the Paris Agreement and will ...": who the next part's is.
      subject = acknowledgement(part.text)?.speakers ?? subject;
      // "(b) provide monthly reports": one more thing the commitment before it binds to.
      if (item && lastTrigger)
        clauses.push({
          span: part,
          trigger: { ...lastTrigger, start: 0, end: 0 },
          subject,
          fronted,
        });
      continue;
    }
    let span = part;
    const whichAt = /\b(?:under|by|through|pursuant to) which\s+/i.exec(
      part.text.slice(0, first.start),
    );
    if (whichAt) span = makeSpan(source, part.start + whichAt.index + whichAt[0].length, part.end);
    else {
      const from = leadLength(part.text, first.start);
      if (from > 0) span = makeSpan(source, part.start + from, part.end);
    }
    const trigger = {
      ...first,
      start: first.start - (span.start - part.start),
      end: first.end - (span.start - part.start),
    };
    const items = splitList(source, span, trigger).flatMap((item, at) =>
      splitTimedVerbs(source, item, at === 0 ? trigger.end : 0),
    );
    for (const item of items) {
      const own = findTriggers(item.text)[0] ?? { ...trigger, start: 0, end: 0 };
      const named = item.text.slice(0, own.start);
      const noted = acknowledgement(named);
      if (noted) {
        subject = noted.speakers;
        if (!noted.commits) continue;
      }
      const continues =
        noted !== null || NO_SUBJECT.test(named) || (subject !== '' && PRONOUN_SUBJECT.test(named));
      if (!continues) subject = speaker && FIRST_PERSON.test(named) ? speaker : named;
      if (PREDICTED.test(named)) continue;
      clauses.push({
        span: item,
        trigger: own,
        subject,
        fronted,
        ...(quoted ? { spoken: true } : {}),
      });
      lastTrigger = own;
    }
  }
  // "The Supplier shall: (a) ...": the lead-in says nothing its items do not.
  return clauses.filter((clause, index) => index === clauses.length - 1 || !leadsInList(clause));
}

// A term's label before it: "Repayment: Loan to be repaid in ten instalments".
const TERM_LABEL = /^[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}:\s+/;

/**
 * The term a charter party or a term sheet states without a modal ("Vessel to be delivered at
 * Singapore on or about 15 January 2027", "Hire payable 15 days in advance"), as a commitment; null
 * where the sentence states none.
 */
export function findShorthandClause(source: string, sentence: TextSpan): CommitmentClause | null {
  const numbered = trimEnumerator(source, sentence);
  const label = TERM_LABEL.exec(numbered.text)?.[0].length ?? 0;
  const span = makeSpan(source, numbered.start + label, numbered.end);
  const trigger = findShorthandTrigger(span.text);
  if (!trigger) return null;
  const subject = span.text.slice(0, trigger.start);
  return { span, trigger, subject, fronted: frontedEvent(span.text) };
}
