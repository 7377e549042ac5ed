import type { LineRole } from './noise';
import type { TextSpan } from './sentences';

const DOCUMENT_WORDS =
  /\b(agreement|framework|memorand\w*|mou|pact|deal|contract|licen[cs]e|treaty|accord|sign\w*|acquire|investment|announces?|ratif\w*|partnership)\b/i;
const NOT_A_TITLE =
  /(\s\|\s|\s>\s|^not for distribution|^ex-\d|^exhibit\b|\bseries\b|^execution version$|^\(|^\[|^date\s+\d{4}|^for immediate release|^(?:press|media|news) release$|^embargoed\b|^(?:from|to|cc|bcc|sent|date):)/i;

// "Press Release No. 26/418": a number of a release or a series, no title unless it names a document
// ("Amendment Agreement No. 2").
const NUMBERED = /\bNo\.\s*\d/i;

/** The headline or instrument name: the first early line that names a document or deal. */
export function findTitle(lines: readonly TextSpan[], roles: readonly LineRole[]): string | null {
  const early = lines.slice(0, 15).filter(
    (line, i) =>
      roles[i] !== 'noise' &&
      line.text.length <= 300 &&
      !NOT_A_TITLE.test(line.text) &&
      (!NUMBERED.test(line.text) || DOCUMENT_WORDS.test(line.text)) &&
      // Headlines and instrument names carry no full stop; a sentence is body text.
      !/[.;:]$/.test(line.text),
  );
  const named = early.find(
    (line) => DOCUMENT_WORDS.test(line.text) && !/^(this|the)\b/i.test(line.text),
  );
  return (named ?? early[0])?.text ?? null;
}
