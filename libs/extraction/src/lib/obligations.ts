import { actionOf } from './action';
import { categorise } from './categories';
import type { CommitmentClause } from './clauses';
import { findCommitmentClauses } from './clauses';
import type { TimeExpression } from './deadline-expressions';
import { findTimeExpressions } from './deadline-expressions';
import type { DeadlineContext } from './deadlines';
import { extractDeadline, frontedEvent } from './deadlines';
import type { LineRole } from './noise';
import { isNonOperativeSentence } from './noise';
import type { TextSpan } from './sentences';
import { makeSpan, splitSentences } from './sentences';
import type { TriggerStrength } from './triggers';
import type { Obligation } from './types';

export interface ObligationContext {
  readonly deadlines: DeadlineContext;
  readonly parties: readonly string[];
  readonly title: string | null;
  /** The instrument says of itself that it creates no legal obligations. */
  readonly declaredNonBinding: boolean;
  /** A framework or memorandum: a policy instrument whose "will" is not a legal duty. */
  readonly policyInstrument: boolean;
}

const CONFIDENCE: Readonly<Record<TriggerStrength, number>> = {
  duty: 0.9,
  agreed: 0.9,
  will: 0.8,
  intention: 0.8,
  expectation: 0.7,
  instrument: 0.6,
  progressive: 0.5,
};
const COLLECTIVE =
  /\b(participants|parties|partners|two countries|two governments|two sides|both countries|both sides|both nations|signatories|each participant|each party|either party|either participant)\b/i;
const NOTICE_WINDOW =
  /\b(?:notice of (?:non-renewal|(?:its |their )?intent(?:ion)? not to renew|termination)|notice[^.]{0,40}\bnot to renew)\b/i;

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
    case 'will':
    case 'instrument':
      return !context.declaredNonBinding && !context.policyInstrument;
  }
}

// "Within 10 Business Days after each quarter, the Supplier shall": a phrase of time or condition
// put before the subject, up to its comma.
const FRONTED =
  /^\s*(?:within|no later than|not later than|on|by|upon|following|after|before|prior to|subject to|if|when|unless|notwithstanding|in|during|at|from|until|as soon as)\b[^,]*,\s*/i;

function actorsOf(clauseSubject: string, parties: readonly string[]): string[] {
  let subject = clauseSubject;
  for (let fronted = FRONTED.exec(subject); fronted; fronted = FRONTED.exec(subject))
    subject = subject.slice(fronted[0].length);
  if (COLLECTIVE.test(subject)) return [...parties];
  const named = parties.filter((party) =>
    subject.toLowerCase().includes(party.toLowerCase().split(/[\s,]/)[0] ?? party),
  );
  if (named.length > 0) return named;
  const cleaned = subject
    .replace(/^(?:the|a|an|if|upon|for)\s+/i, '')
    .replace(/[,\s]+$/, '')
    .trim();
  return cleaned.length > 0 && cleaned.length <= 60 ? [cleaned] : [];
}

function buildObligation(
  clause: CommitmentClause,
  context: ObligationContext,
  previousRelative: { anchor: string | null } | null,
  times: readonly TimeExpression[],
): Obligation {
  const text = clause.span.text;
  const action = actionOf(text, clause.trigger.start, clause.trigger.end, times);
  return {
    text,
    span: [clause.span.start, clause.span.end],
    actors: actorsOf(clause.subject, context.parties),
    action: action.title,
    category: categorise(text, action.phrase),
    binding: isBinding(clause.trigger.strength, context),
    confidence: CONFIDENCE[clause.trigger.strength],
    deadline: extractDeadline(
      text,
      context.deadlines,
      previousRelative,
      times,
      frontedEvent(text) ?? clause.fronted,
    ),
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
    deadline: extractDeadline(text, context.deadlines, null),
  };
}

export function findObligations(
  source: string,
  lines: readonly TextSpan[],
  roles: readonly LineRole[],
  context: ObligationContext,
): Obligation[] {
  const obligations: Obligation[] = [];
  const title = context.title?.trim().toLowerCase() ?? null;
  let previousRelative: { anchor: string | null } | null = null;
  for (const [index, line] of lines.entries()) {
    if (roles[index] !== 'body') continue;
    if (title && line.text.trim().toLowerCase() === title) continue;
    // Highlight bullets restate the body.
    if (/^[-•*]\s/.test(line.text)) continue;
    for (const sentence of splitSentences(source, line)) {
      if (isNonOperativeSentence(sentence.text)) continue;
      const window = noticeWindow(source, sentence, context);
      if (window) {
        obligations.push(window);
        continue;
      }
      for (const clause of findCommitmentClauses(source, sentence)) {
        const times = findTimeExpressions(clause.span.text);
        const obligation = buildObligation(clause, context, previousRelative, times);
        const relative = times.find((e) => e.shape.type === 'relative');
        if (relative?.shape.type === 'relative' && !relative.shape.same)
          previousRelative = { anchor: relative.shape.anchor };
        obligations.push(obligation);
      }
    }
  }
  return obligations;
}
