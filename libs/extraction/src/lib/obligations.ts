import { actionOf } from './action';
import { actorsOf, passiveActors } from './actors';
import { isAmendingInstruction } from './amendments';
import { categorise } from './categories';
import type { CommitmentClause } from './clauses';
import {
  findCommitmentClauses,
  findShorthandClause,
  isListedAction,
  leadsInList,
  startsWithListedVerb,
} from './clauses';
import type { TimeExpression } from './deadline-expressions';
import { findTimeExpressions } from './deadline-expressions';
import type { DeadlineContext } from './deadlines';
import { extractDeadline, frontedEvent } from './deadlines';
import { withActorsFiscalYear } from './fiscal-years';
import { conditionsLongStop } from './long-stop';
import { MilestoneTable } from './milestone-table';
import type { LineRole } from './noise';
import { isNonOperativeSentence } from './noise';
import type { ReferenceScope } from './referred-dates';
import { findReferredDate, mayReferToDateBefore } from './referred-dates';
import { scheduledAmount, scheduledTitle } from './scheduled-items';
import type { TextSpan } from './sentences';
import { LIST_ITEM, makeSpan, splitSentences } from './sentences';
import type { TriggerStrength } from './triggers';
import { findTriggers } from './triggers';
import type { Deadline, Obligation } from './types';

export interface ObligationContext {
  readonly deadlines: DeadlineContext;
  readonly parties: readonly string[];
  /** The party each label that names no role stands for ("party a" for "Party A: Norvik AS"). */
  readonly partyLabels?: ReadonlyMap<string, string>;
  readonly title: string | null;
  /** The instrument says of itself that it creates no legal obligations. */
  readonly declaredNonBinding: boolean;
  /** The numbered paragraphs that bind all the same ("Except for paragraphs 6 and 7, ..."). */
  readonly bindingParagraphs: readonly string[];
  /** A framework or memorandum: a policy instrument whose "will" is not a legal duty. */
  readonly policyInstrument: boolean;
  /**
   * A charter party or a term sheet, which states its terms without a modal ("Hire payable 15 days
   * in advance"); elsewhere such words are a headline's or a purpose's.
   */
  readonly shorthandTerms: boolean;
  /** An earnings call or an investor presentation, whose "will" is guidance, not a duty. */
  readonly companyOutlook?: boolean;
}

const CONFIDENCE: Readonly<Record<TriggerStrength, number>> = {
  duty: 0.9,
  agreed: 0.9,
  pledge: 0.9,
  will: 0.8,
  intention: 0.8,
  expectation: 0.7,
  instrument: 0.6,
  progressive: 0.5,
};
// "unless either Party gives notice of non-renewal ...", "... notifies the other in writing of its
// intention to terminate it at least six months before the expiry".
const NOTICE_WINDOW =
  /\b(?:notice of (?:non-renewal|(?:its |their )?intent(?:ion)? not to renew|termination)|notice[^.]{0,40}\bnot to renew|notif(?:y|ies)\b[^.]{0,60}\bintention (?:to terminate|not to renew))\b/i;

function isBinding(strength: TriggerStrength, context: ObligationContext): boolean {
  switch (strength) {
    case 'intention':
    case 'expectation':
    case 'progressive':
      return false;
    // "has agreed to" in an instrument that calls itself non-binding is a political commitment.
    case 'agreed':
    case 'duty':
      return !context.declaredNonBinding;
    // "We commit to ..." in a declaration or a memorandum is a political commitment.
    case 'pledge':
    case 'will':
    case 'instrument':
      return !context.declaredNonBinding && !context.policyInstrument && !context.companyOutlook;
  }
}

// What goes before the subject: a clause's label ("Exclusivity: "), or a phrase of time or
// condition up to its comma ("Within 10 Business Days after each quarter, the Supplier shall",
// "For a period of 90 days from ..., TGR shall not", "By January 1, 2021, ..."), and the repetition
// after it ("Not later than 1 year after ..., and annually thereafter, the Secretary shall").
// "Neither Party shall impose": a duty of each to refrain.
const NO_ONE =
  /^\s*(?:neither|no)\s+(?:contracting\s+)?(?:party|participant|signatory|side|shareholder|member|partner)\b/i;
// "The agreement commits Chile to": the one committed is the object of "commits", not its subject.
// So is the office an order "directs" to act, as a fact sheet says ("The Order directs the
// Secretary of Energy to").
const COMMITTED_OBJECT =
  /^(?:commit(?:s|ted)?|direct(?:s|ed)|instruct(?:s|ed)|requires?d?|order(?:s|ed)|task(?:s|ed)|calls\s+(?:on|upon))\s+(?!themselves\b|itself\b)(.+?)\s+to$/i;

/** The words that name who is committed: the clause's subject, or the object of "commits". */
function committedSubject(clause: CommitmentClause): string {
  const trigger = clause.span.text.slice(clause.trigger.start, clause.trigger.end);
  return COMMITTED_OBJECT.exec(trigger)?.[1] ?? clause.subject;
}

// "The leaders met in Jakarta on 12 March and agreed to ...": where "and" comes between a time and
// the commitment word, the time is another verb's of the same subject.
const OTHER_VERB_BEFORE = /\sand\s+(?:also\s+|jointly\s+|further\s+)?$/i;

/** The time expressions that belong to the commitment, not to another verb of its subject. */
function ownTimes(
  clause: CommitmentClause,
  times: readonly TimeExpression[],
): readonly TimeExpression[] {
  const { text } = clause.span;
  return times.filter(
    (time) =>
      time.end > clause.trigger.start ||
      !OTHER_VERB_BEFORE.test(text.slice(time.end, clause.trigger.start)),
  );
}

function buildObligation(
  clause: CommitmentClause,
  context: ObligationContext,
  previousRelative: { anchor: string | null } | null,
  times: readonly TimeExpression[],
): Obligation {
  const text = clause.span.text;
  const action = actionOf(text, clause.trigger.start, clause.trigger.end, times);
  const subject = committedSubject(clause);
  const actors =
    action.agent === undefined
      ? actorsOf(subject, context.parties, context.partyLabels)
      : passiveActors(action.agent, clause.subject, context.parties, context.partyLabels);
  return {
    text,
    span: [clause.span.start, clause.span.end],
    actors,
    action: titleWithLead(clause, NO_ONE.test(subject) ? `not ${action.title}` : action.title),
    category: categorise(text, action.phrase),
    binding: !clause.spoken && isBinding(clause.trigger.strength, context),
    confidence: CONFIDENCE[clause.trigger.strength],
    deadline: onOneLine(
      extractDeadline(
        text,
        withActorsFiscalYear(context.deadlines, actors),
        previousRelative,
        times,
        frontedEvent(text) ?? clause.fronted,
      ),
    ),
  };
}

/** An item's title with its lead-in's action where the item names only its object. */
function titleWithLead(clause: CommitmentClause, title: string): string {
  if (!clause.leadAction || startsWithListedVerb(title)) return title;
  return `${clause.leadAction} ${title}`;
}

/** The deadline with its expression and event on one line, as a wrapped text's are not. */
function onOneLine(deadline: Deadline | null): Deadline | null {
  if (!deadline) return null;
  const { expression, anchor } = deadline;
  const wrapped = /\s{2}|\n/;
  if (!wrapped.test(expression) && !wrapped.test(anchor.ref ?? '')) return deadline;
  const oneLine = (text: string) => text.replace(/\s+/g, ' ');
  return {
    ...deadline,
    expression: oneLine(expression),
    anchor: anchor.ref === undefined ? anchor : { ...anchor, ref: oneLine(anchor.ref) },
  };
}

/** "unless either Party gives notice of non-renewal at least 90 days before expiry": a window. */
function noticeWindow(
  source: string,
  sentence: TextSpan,
  context: ObligationContext,
): Obligation | null {
  if (!NOTICE_WINDOW.test(sentence.text)) return null;
  const before = findTimeExpressions(sentence.text).find(
    (e) => e.shape.type === 'relative' && e.shape.relation === 'before',
  );
  if (!before) return null;
  const from = /\b(?:unless|provided that|if)\s+/i.exec(sentence.text);
  const span = makeSpan(source, sentence.start + (from?.index ?? 0), sentence.end);
  const text = span.text.replace(/\.$/, '');
  return {
    text,
    span: [span.start, span.start + text.length],
    actors: [...context.parties],
    action: 'give notice of non-renewal',
    category: 'notice',
    binding: false,
    confidence: 0.7,
    deadline: onOneLine(extractDeadline(text, context.deadlines, null)),
  };
}

const BULLET = /^[-•*]\s/;
// "• Modernize customs procedures": under a lead-in ("Indonesia will:"), a bullet of a capitalised
// word and more is one more thing it binds to, whatever its verb; numbered lines may be headings.
const BULLETED_ACTION = /^[A-Z][a-z]+\s+\S+\s+\S+/;
// The punctuation that joins an item to the next: "; and", ";", ", or", ".".
const TRAILING_JOINT = /[\s;,.]*(?:\b(?:and|or)\b)?[\s;,.]*$/i;

/** The text of a list item, without its marker and the punctuation that joins it to the next. */
function itemSpan(source: string, line: TextSpan): TextSpan {
  const marker = LIST_ITEM.exec(line.text)?.[0].length ?? 0;
  const body = line.text.slice(marker);
  const joint = TRAILING_JOINT.exec(body)?.[0].length ?? 0;
  return makeSpan(source, line.start + marker, line.start + marker + body.length - joint);
}

/**
 * Whether a highlight says what the body says: the same actors and kind of thing, and the same
 * action or due date ("- Expected to close in Q1 2026" and "... expected to close in the first
 * quarter of 2026").
 */
function restates(highlight: Obligation, body: Obligation): boolean {
  const due = highlight.deadline?.dueDate;
  return (
    highlight.category === body.category &&
    highlight.actors.join('|') === body.actors.join('|') &&
    (highlight.action === body.action || (due != null && due === body.deadline?.dueDate))
  );
}

// "6. Exclusivity.", "6.2 The Buyer shall", "Paragraph 6 - Exclusivity": the paragraph's number.
const PARAGRAPH_NUMBER =
  /^\s*(?:(\d{1,3})(?:\.\d{1,3})*\.?\s|(?:paragraph|section|clause|article)\s+(\d{1,3})\b)/i;

/**
 * The action a lead-in names before its colon when the items listed under it are its objects
 * ("shall deliver to each Shareholder:"), or null: a few words from a verb.
 */
function objectsFollow(clause: CommitmentClause): string | null {
  const words = clause.span.text.slice(clause.trigger.end).replace(/:\s*$/, '').trim();
  const count = words.split(/\s+/).length;
  return startsWithListedVerb(words) && count >= 2 && count <= 6 ? words : null;
}

/** Whether a line's first commitment word has a subject before it. */
function namesWhoCommits(line: TextSpan): boolean {
  const [first] = findTriggers(line.text);
  return first !== undefined && /\w/.test(line.text.slice(0, first.start));
}

/** Reads a text's commitments line by line, carrying a list's lead-in over to its items. */
class ObligationReader {
  readonly obligations: Obligation[] = [];
  private previousRelative: { anchor: string | null } | null = null;
  /**
   * "The Supplier shall:": the commitment whose items follow, and the action it names where they
   * are its objects ("shall deliver to each Shareholder:").
   */
  private leadIn: { clause: CommitmentClause; action: string | null } | null = null;
  /** Whether an item was read under the lead-in yet. */
  private itemsRead = false;
  /**
   * "shall pay the sum of USD 2,400,000 in three instalments as follows:": a commitment whose
   * items say how much of it is due when ("(a) USD 800,000 on or before 30 June 2027;").
   */
  private schedule: { clause: CommitmentClause; obligation: Obligation } | null = null;
  /** Where in `obligations` those read from bullets outside a list are. */
  private readonly fromBullets = new Set<number>();
  /** The number of the paragraph being read ("6" for "6." or "6.2"), once one is numbered. */
  private paragraph: string | null = null;
  /** The sentence being read and the one before it, where "on or before such date" looks. */
  private sentence: TextSpan | null = null;
  private sentenceBefore: TextSpan | null = null;

  constructor(
    private readonly source: string,
    private readonly context: ObligationContext,
  ) {}

  readLine(line: TextSpan): void {
    const numbered = PARAGRAPH_NUMBER.exec(line.text);
    if (numbered) this.paragraph = numbered[1] ?? numbered[2] ?? null;
    const listed = LIST_ITEM.test(line.text);
    if (!listed) this.endList();
    if (listed && this.schedule && this.readScheduledItem(line)) return;
    if (listed && this.leadIn) {
      const span = itemSpan(this.source, line);
      if (findTriggers(span.text).length === 0) {
        if (
          isListedAction(span.text) ||
          (BULLET.test(line.text) && BULLETED_ACTION.test(span.text))
        ) {
          const { clause, action } = this.leadIn;
          const { trigger, subject, fronted } = clause;
          const item = { span, trigger: { ...trigger, start: 0, end: 0 }, subject, fronted };
          this.enterSentence(span);
          this.add(action ? { ...item, leadAction: action } : item);
          this.itemsRead = true;
          return;
        }
        // "1. Definitions.": the document goes on in sections, past the list.
        this.endList();
      }
    }
    // A highlight ("- Expected to close in the first half of 2026") says what the body says; a
    // fact sheet's bullets are its body ("- Vietnam will provide market access").
    const bullet = BULLET.test(line.text) && !this.leadIn;
    const text = bullet ? itemSpan(this.source, line) : line;
    if (bullet && !namesWhoCommits(text)) return;
    const first = this.obligations.length;
    for (const sentence of splitSentences(this.source, text)) this.readSentence(sentence);
    if (bullet) for (let i = first; i < this.obligations.length; i++) this.fromBullets.add(i);
  }

  /**
   * Past the last item of a list. A lead-in that names its action ("shall provide the following
   * Maintenance Services:") is a commitment of its own where no item was read under it.
   */
  private endList(): void {
    const lead = this.leadIn;
    this.leadIn = null;
    this.schedule = null;
    if (lead?.action && !this.itemsRead) this.add(lead.clause);
    this.itemsRead = false;
  }

  /** The commitments read, but those of bullets that the body states again. */
  result(): Obligation[] {
    this.endList();
    const body = this.obligations.filter((_, index) => !this.fromBullets.has(index));
    return this.obligations.filter(
      (obligation, index) =>
        !this.fromBullets.has(index) || !body.some((other) => restates(obligation, other)),
    );
  }

  private enterSentence(sentence: TextSpan): void {
    this.sentenceBefore = this.sentence;
    this.sentence = sentence;
  }

  /** The sentences a clause's "such date" may refer to. */
  private referenceScope(clause: CommitmentClause): ReferenceScope {
    const { sentence, sentenceBefore } = this;
    const { span } = clause;
    const within = sentence !== null && sentence.start <= span.start && span.end <= sentence.end;
    const adjacent =
      within &&
      sentenceBefore !== null &&
      !/\S/.test(this.source.slice(sentenceBefore.end, sentence.start));
    return {
      clause: span.text,
      sentenceLead: within ? this.source.slice(sentence.start, span.start) : '',
      sentenceBefore: adjacent ? sentenceBefore : null,
    };
  }

  private readSentence(sentence: TextSpan): void {
    this.enterSentence(sentence);
    if (isNonOperativeSentence(sentence.text)) return;
    const window = noticeWindow(this.source, sentence, this.context);
    if (window) {
      this.obligations.push(window);
      return;
    }
    this.addLongStop(sentence);
    const clauses = findCommitmentClauses(this.source, sentence);
    const shorthand =
      clauses.length === 0 && this.context.shorthandTerms
        ? findShorthandClause(this.source, sentence)
        : null;
    if (shorthand) clauses.push(shorthand);
    for (const clause of clauses) {
      if (this.amendsText(sentence, clause)) continue;
      // "The Supplier shall:", "agrees to the following:": its words are the lines listed under it;
      // "shall deliver to each Shareholder:", their objects.
      const endsInColon = clause.span.text.trimEnd().endsWith(':');
      const action = endsInColon ? objectsFollow(clause) : null;
      if (endsInColon && (action || leadsInList(clause))) {
        this.endList();
        this.leadIn = { clause, action };
      } else {
        this.add(clause);
        const added = this.obligations.at(-1);
        if (endsInColon && added) this.schedule = { clause, obligation: added };
      }
    }
  }

  /** Whether the clause changes another agreement's words, which commits no one. */
  private amendsText(sentence: TextSpan, clause: CommitmentClause): boolean {
    const { span, trigger } = clause;
    if (trigger.end === 0) return false;
    const triggerStart = span.start + trigger.start;
    // What it changes is named shortly before the trigger; a long sentence is not read again.
    const from = Math.min(triggerStart, Math.max(sentence.start, triggerStart - 200));
    const afterTrigger = span.text.slice(trigger.end, trigger.end + 80);
    return isAmendingInstruction(this.source.slice(from, triggerStart), afterTrigger);
  }

  /**
   * An item of a schedule: a part of what its lead-in commits to, due when the item says. The
   * schedule ends at an item that names no amount or no time.
   */
  private readScheduledItem(line: TextSpan): boolean {
    const span = itemSpan(this.source, line);
    const amount = scheduledAmount(span.text);
    const schedule = this.schedule;
    if (
      !schedule ||
      !amount ||
      findTriggers(span.text).length > 0 ||
      findTimeExpressions(span.text).length === 0
    ) {
      this.schedule = null;
      return false;
    }
    const { clause, obligation } = schedule;
    this.enterSentence(span);
    this.add({ ...clause, span, trigger: { ...clause.trigger, start: 0, end: 0 } });
    const part = this.obligations.pop();
    if (!part) return false;
    this.obligations.push({
      ...part,
      actors: [...obligation.actors],
      action: scheduledTitle(obligation.action, amount),
      category: obligation.category,
    });
    return true;
  }

  /** The date the conditions of a deal are to be met by, once for each date. */
  private addLongStop(sentence: TextSpan): void {
    const { parties, deadlines } = this.context;
    const longStop = conditionsLongStop(this.source, sentence, parties, deadlines);
    const due = longStop?.deadline?.dueDate;
    if (
      !longStop ||
      this.obligations.some((o) => o.deadline?.dueDate === due && o.action === longStop.action)
    )
      return;
    this.obligations.push(longStop);
  }

  private add(clause: CommitmentClause): void {
    const times = this.withReferredDate(
      clause,
      ownTimes(clause, findTimeExpressions(clause.span.text)),
    );
    const bindsHere =
      this.context.declaredNonBinding &&
      this.paragraph !== null &&
      this.context.bindingParagraphs.includes(this.paragraph);
    const context = bindsHere ? { ...this.context, declaredNonBinding: false } : this.context;
    this.obligations.push(buildObligation(clause, context, this.previousRelative, times));
    const relative = times.find((e) => e.shape.type === 'relative');
    if (relative?.shape.type === 'relative' && !relative.shape.same)
      this.previousRelative = { anchor: relative.shape.anchor };
  }

  /** The clause's times with "on or before such date", where the date it means is clear. */
  private withReferredDate(
    clause: CommitmentClause,
    times: readonly TimeExpression[],
  ): readonly TimeExpression[] {
    if (!mayReferToDateBefore(clause.span.text)) return times;
    const referred = findReferredDate(this.referenceScope(clause));
    if (!referred || times.some((t) => t.start < referred.end && referred.start < t.end))
      return times;
    return [...times, referred].sort((a, b) => a.start - b.start);
  }
}

export function findObligations(
  source: string,
  lines: readonly TextSpan[],
  roles: readonly LineRole[],
  context: ObligationContext,
): Obligation[] {
  const reader = new ObligationReader(source, context);
  const table = new MilestoneTable(
    source,
    context.deadlines,
    context.parties,
    isBinding('will', context),
    (name) =>
      reader.obligations.findLast((o) => o.text.toLowerCase().includes(name))?.actors ?? null,
  );
  const title = context.title?.trim().toLowerCase() ?? null;
  for (const [index, line] of lines.entries()) {
    const { milestone, consumed } = table.read(line);
    if (milestone) reader.obligations.push(milestone);
    if (consumed) continue;
    // A short item ("(c) maintain ISO 9001 certification") reads like a heading.
    const role = roles[index];
    if (role !== 'body' && !(role === 'heading' && LIST_ITEM.test(line.text))) continue;
    if (title && line.text.trim().toLowerCase() === title) continue;
    reader.readLine(line);
  }
  return reader.result();
}
