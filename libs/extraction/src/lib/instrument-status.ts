/**
 * Whether an instrument says of itself that it is not legally binding. Only its own words
 * count: a recital about an earlier memorandum ("WHEREAS, the Parties entered into a non-binding
 * memorandum of understanding ... which this Agreement supersedes") describes another
 * instrument, and a binding contract may well mention one.
 */
const DECLARATION =
  /\b(?:not legally binding|does not create (?:any\s+)?(?:legal|legally binding) obligations|not intended to (?:create|give rise to|constitute|be)\s+(?:any\s+)?(?:legally\s+)?binding|is not a treaty|non-binding (?:framework|memorandum|instrument|arrangement)|(?:neither|no)\s+(?:\w+\s+){0,3}(?:is|are)\s+legally binding|this\s+(?:letter|term sheet|memorandum|framework|arrangement|document)(?:\s+of\s+(?:intent|understanding))?\s+is\s+not\s+binding)\b/i;
// Background and history: recitals, and instruments this one replaces.
const ABOUT_ANOTHER =
  /^\s*(?:whereas|recalling|noting|recogni[sz]ing|considering|background)\b|\bsupersed\w*|\breplac\w*|\bterminat\w*/i;
// A text that calls itself a binding agreement is one, whatever it says of other instruments.
const BINDING_SELF = /\bbinding (?:agreement|contract)\b/i;

// "Except for paragraphs 6 and 7, this letter is not legally binding", "Paragraphs 6 and 7 are
// binding": the numbered paragraphs a non-binding instrument binds its parties by.
const PARAGRAPHS = String.raw`(?:paragraphs?|sections?|clauses?)\s+(\d{1,3}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)\d{1,3})*)`;
const EXCEPTED = new RegExp(
  String.raw`\b(?:except(?:\s+for)?|other\s+than|save\s+for|with\s+the\s+exception\s+of)\s+${PARAGRAPHS}|\b${PARAGRAPHS}\s+(?:are|is|shall\s+be|will\s+be)\s+(?:legally\s+)?binding\b`,
  'gi',
);

/** The numbers of the paragraphs that bind although the instrument says it does not. */
export function bindingParagraphs(text: string): string[] {
  const numbers = new Set<string>();
  for (const m of text.matchAll(EXCEPTED))
    for (const number of (m[1] ?? m[2] ?? '').match(/\d+/g) ?? []) numbers.add(number);
  return [...numbers];
}

export function declaresItselfNonBinding(text: string): boolean {
  if (BINDING_SELF.test(text)) return false;
  return text
    .split(/(?<=[.;])\s+|\n+/)
    .some((sentence) => DECLARATION.test(sentence) && !ABOUT_ANOTHER.test(sentence));
}

// A title that names a policy instrument: "Framework for ...", "Joint Statement", "G7 Leaders'
// Communiqué", "Summit Outcome Document". "Communiqué" ends in a letter that is no word character
// to a pattern, so the end is told by what follows.
const POLICY_TITLE =
  /\b(?:framework|memorand(?:um|a|ums)|mou|joint statement|(?:leaders|chair|ministers|ministerial|summit)['’]?s?\s+statement|communiqu[eé]|declaration|outcome document)(?![\p{L}\p{N}])/iu;
// "We, the Leaders of the G20, ...", "We, the Heads of State and Government": the speakers of a
// declaration, whatever its title.
const DECLARING_SPEAKERS =
  /\bWe,\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:Leaders|Heads\s+of\s+(?:State|Government)|Ministers|Governors)\b/;

/**
 * Whether the text is a policy instrument, whose "will" and "commit to" are political commitments,
 * not legal duties: a framework, a memorandum, a joint statement, a leaders' declaration or
 * communiqué. A title that calls it an agreement makes it one.
 */
export function isPolicyInstrument(title: string | null, text: string): boolean {
  // A government's fact sheet tells what an instrument or a policy will do; it binds no one.
  if (/^\s*fact\s+sheet\b/i.test(title ?? '')) return true;
  if (/\bagreement\b/i.test(title ?? '')) return false;
  return POLICY_TITLE.test(title ?? '') || DECLARING_SPEAKERS.test(text.slice(0, 2000));
}

// "Q3 2026 Earnings Call Transcript", "Investor Presentation", "Capital Markets Day": a company
// telling investors what it plans and expects. Named so only in a title: a press release has a
// section "Conference Call" and says it will host one.
const OUTLOOK_TITLE =
  /\b(?:(?:earnings|results|investor|analyst)\s+(?:call|presentation|webcast|briefing)|transcript|capital\s+markets\s+day|investor\s+day)\b/i;
// The operator who opens a call and hands over to the first speaker.
const CALL_OPERATOR = /^Operator:/m;

/**
 * Whether the text is an earnings call or an investor presentation, by its title or its operator:
 * its "will" is guidance to investors, which binds the company to nothing.
 */
export function isCompanyOutlook(title: string | null, text: string): boolean {
  return OUTLOOK_TITLE.test(title ?? '') || CALL_OPERATOR.test(text.slice(0, 3000));
}

// The forms of contract whose terms are written in shorthand, without a modal.
const SHORTHAND_FORM =
  /\b(?:charter\s*party|charterparty|term\s+sheet|heads\s+of\s+(?:terms|agreement)|fixture\s+(?:recap|note)|booking\s+note|summary\s+of\s+(?:the\s+)?(?:principal\s+|key\s+|indicative\s+)?terms)\b/i;

/** Whether the text is a charter party, a term sheet or the like: by its title or its opening. */
export function statesTermsInShorthand(title: string | null, text: string): boolean {
  return SHORTHAND_FORM.test(title ?? '') || SHORTHAND_FORM.test(text.slice(0, 1000));
}
