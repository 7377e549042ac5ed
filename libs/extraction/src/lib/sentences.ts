/** A run of the input text with its UTF-16 offsets, so spans always index the original string. */
export interface TextSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'inc',
  'corp',
  'ltd',
  'co',
  'no',
  'nos',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'vs',
  'a.m',
  'p.m',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.s.a',
  'cent',
  'approx',
  'art',
  'sec',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  's.a',
  'k.k',
  'n.v',
  'b.v',
  'l.p',
  'p.l.c',
  'l.l.c',
]);

export function makeSpan(source: string, start: number, end: number): TextSpan {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(source.charAt(s))) s += 1;
  while (e > s && /\s/.test(source.charAt(e - 1))) e -= 1;
  return { text: source.slice(s, e), start: s, end: e };
}

// A line that goes on in the next: it ends on a comma or a word no sentence ends on.
const GOES_ON =
  /(?:,|\b(?:of|the|a|an|and|or|to|in|for|with|by|on|at|from|that|which|than|shall|will|must|may|its|their|his|her|any|such|this|these|those|per|under|upon|within|into|as|be|is|are|not|no|each|all|between|including)|[a-z]-)$/i;
const ENDS_SENTENCE = /[.;:!?]["”’)]?$/;
// "(a) deliver the first shipment ...;", "- pay each invoice ...;", "iv) maintain ...".
export const LIST_ITEM = /^(?:[-•*]|\(?(?:\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})[.)])\s+/i;
// A line that starts something of its own: a list item, a clause number, a section heading.
const STARTS_OWN = new RegExp(
  String.raw`${LIST_ITEM.source}|^(?:(?:\d{1,3}\.)+\d{0,3}\s|(?:section|clause|article|paragraph|schedule|annex)\s+\d)`,
  'i',
);

// "Party B (Seller): ", "Address: ": a labelled entry of a header, on a line of its own.
const LABELLED_ENTRY = /^[A-Z][\w.-]*(?:\s+[A-Z\d][\w.-]*){0,3}(?:\s*\([^()]{1,30}\))?:\s/;

/**
 * Whether `next` continues `line` across a hard line break (text wrapped at a width, or a PDF).
 * Not a name in capitals over its role ("OSTRANDER DEVELOPMENT BANK" over "as Lender").
 */
function continues(line: string, next: string, previous = ''): boolean {
  // A table's rows ("Financial close | Operator | 30 June 2026") and the rule under its header.
  if (STARTS_OWN.test(next) || line.includes('|') || next.includes('|')) return false;
  if (LABELLED_ENTRY.test(next)) return false;
  if (GOES_ON.test(line)) return true;
  if (ENDS_SENTENCE.test(line) || !/[a-z]/.test(line)) return false;
  return /^[a-z]/.test(next) || goesOnInName(line, next, previous);
}

// How long a line of text wrapped at a width at least is: the Federal Register's run to about 75.
const WRAPPED_WIDTH = 64;

/**
 * Whether a paragraph wrapped at a width goes on in a name across a line break: "... and the
 * United States Trade" / "Representative, shall submit". The line and the one before it are long,
 * and the name's last word is followed by a comma or a word in lower case; a headline over a body
 * is the first line, or a short one.
 */
function goesOnInName(line: string, next: string, previous: string): boolean {
  return (
    previous.length >= WRAPPED_WIDTH &&
    !ENDS_SENTENCE.test(previous) &&
    line.length >= WRAPPED_WIDTH &&
    /[a-z,]\s+[A-Z][\w'’-]*$/.test(line) &&
    /^[A-Z][\w'’-]*[,;]?\s+[a-z]/.test(next)
  );
}

/**
 * The text with each paragraph wrapped over several lines (as plain-text filings and the text of
 * PDFs are) on one line: a line break that a line goes on across ("shall deliver the first
 * shipment of" / "Product no later than 30 June 2026") becomes a space. Offsets are kept.
 */
export function unwrapLines(text: string): string {
  const lines = splitLines(text);
  let unwrapped = '';
  let copied = 0;
  for (const [index, line] of lines.entries()) {
    const next = lines[index + 1];
    if (!next) break;
    const between = text.slice(line.end, next.start);
    const previous = lines[index - 1];
    const paragraph = previous && !/\n\s*\n/.test(text.slice(previous.end, line.start));
    if (/\n\s*\n/.test(between) || !continues(line.text, next.text, paragraph ? previous.text : ''))
      continue;
    unwrapped += text.slice(copied, line.end) + between.replace(/\n/g, ' ');
    copied = next.start;
  }
  return unwrapped + text.slice(copied);
}

/** Lines of the text (a contract clause or a page element usually sits on its own line). */
export function splitLines(text: string): TextSpan[] {
  const lines: TextSpan[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length || text.charAt(i) === '\n') {
      const span = makeSpan(text, start, i);
      if (span.text.length > 0) lines.push(span);
      start = i + 1;
    }
  }
  return lines;
}

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex));
  if (!before?.[1]) return false;
  const word = before[1].toLowerCase().replace(/^\.+/, '');
  // Single capital letters are initials ("Donald J. Trump").
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
}

// A section's heading in title case: "Immediate Measures to Prioritize Mineral Production", "Sec.
// 4. Defense Production Act", "General Provisions".
const HEADING =
  /^(?:(?:S(?:ec(?:tion)?|EC(?:TION)?)\.?\s*)?\d+[a-z]?\.\s*)?(?:[A-Z][\w'’-]*|\d+|of|the|and|or|to|for|in|on|a|an|by|with|that|from)(?:\s+(?:[A-Z][\w'’-]*|\d+|of|the|and|or|to|for|in|on|a|an|by|with|that|from)){0,14}$/;

/**
 * Sentences of one line: a terminator followed by space and a capital, quote or digit, or by the
 * marker of a lettered item ("Sec. 3. Immediate Measures. (a) Within 10 days of the date of this
 * order, ..."): a section heading run in before its first item is a sentence of its own.
 */
export function splitSentences(source: string, line: TextSpan): TextSpan[] {
  const sentences: TextSpan[] = [];
  const text = line.text;
  let start = 0;
  const boundary = /[.!?;]["”’)]?\s+(?=["“‘(]?[A-Z0-9]|(\((?:[a-z]|[ivx]{1,4})\)\s))/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const dot = m.index;
    if (text.charAt(dot) === '.' && endsWithAbbreviation(text, dot)) continue;
    if (m[1] && !(text.charAt(dot) === '.' && HEADING.test(text.slice(start, dot)))) continue;
    // A semicolon only ends a sentence when a new independent clause follows.
    const end = dot + m[0].trimEnd().length;
    sentences.push(makeSpan(source, line.start + start, line.start + end));
    start = dot + m[0].length;
  }
  if (start < text.length) sentences.push(makeSpan(source, line.start + start, line.end));
  return sentences.filter((sentence) => sentence.text.length > 0);
}
