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

/** Sentences of one line: a terminator followed by space and a capital, quote or digit. */
export function splitSentences(source: string, line: TextSpan): TextSpan[] {
  const sentences: TextSpan[] = [];
  const text = line.text;
  let start = 0;
  const boundary = /[.!?;]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const dot = m.index;
    if (text.charAt(dot) === '.' && endsWithAbbreviation(text, dot)) continue;
    // A semicolon only ends a sentence when a new independent clause follows.
    const end = dot + m[0].trimEnd().length;
    sentences.push(makeSpan(source, line.start + start, line.start + end));
    start = dot + m[0].length;
  }
  if (start < text.length) sentences.push(makeSpan(source, line.start + start, line.end));
  return sentences.filter((sentence) => sentence.text.length > 0);
}
