import type { DeadlineContext } from './deadlines';
import { extractDeadline } from './deadlines';
import type { TextSpan } from './sentences';
import { makeSpan } from './sentences';
import type { Obligation } from './types';

// "If the Conditions are not satisfied by 30 September 2027 (the "End Date"), either party may
// terminate", "provided that the Conditions have been satisfied on or before the End Date",
// "subject to the satisfaction or waiver of the conditions precedent by ...": a date by which the
// conditions of a deal are to be met. It binds no one, but the deal may end when it passes.
const CONDITIONS = /(?:[A-Z][\w-]*\s+){0,3}Conditions?(?:\s+[Pp]recedent)?|conditions\s+precedent/;
const CONDITIONS_MET_BY = new RegExp(
  String.raw`\b(?:(?:if|unless|provided\s+that|provided|on\s+condition\s+that)\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:${CONDITIONS.source})\s+(?:are|is|have|has)\s+(?:not\s+)?(?:been\s+)?(?:satisfied|fulfilled|met)(?:\s+or\s+waived)?|subject\s+to\s+the\s+(?:satisfaction|fulfilment|fulfillment)(?:\s+or\s+waiver)?\s+of\s+(?:the\s+)?(?:${CONDITIONS.source})(?:\s+[a-z]+)?)\s+(?=(?:by|on\s+or\s+before|no\s+later\s+than|not\s+later\s+than|before)\s)`,
  'i',
);

/** The date by which a sentence says the conditions of a deal are to be met, as a milestone. */
export function conditionsLongStop(
  source: string,
  sentence: TextSpan,
  parties: readonly string[],
  deadlines: DeadlineContext,
): Obligation | null {
  if (!/ondition/.test(sentence.text)) return null;
  const m = CONDITIONS_MET_BY.exec(sentence.text);
  if (!m) return null;
  const span = makeSpan(source, sentence.start + m.index, sentence.end);
  const text = span.text.replace(/[.;]$/, '');
  const deadline = extractDeadline(text, deadlines, null);
  // The conditions are named after the word that leads in ("If", "provided").
  const what = CONDITIONS.exec(m[0].replace(/^\S+\s+/, ''))?.[0] ?? 'conditions';
  if (!deadline?.dueDate) return null;
  return {
    text,
    span: [span.start, span.start + text.length],
    actors: [...parties],
    action: `satisfy the ${what}`,
    category: 'closing',
    binding: false,
    confidence: 0.7,
    deadline,
  };
}
