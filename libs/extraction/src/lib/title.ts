import type { LineRole } from './noise';
import type { TextSpan } from './sentences';

const DOCUMENT_WORDS =
  /\b(agreement|framework|memorand\w*|mou|pact|deal|contract|licen[cs]e|treaty|accord|sign\w*|acquire|investment|announces?|ratif\w*|partnership|executive order|proclamation)\b/i;
// Also the running heads of the Federal Register and of a bill: a page number, "Federal Register /
// Vol. 90, No. 12 / ...", "Presidential Documents", "119th CONGRESS", "1st Session", "H. R. 1234",
// "A BILL"; and the White House's section labels ("Presidential Actions", "Executive Orders").
const NOT_A_TITLE =
  /(\s\|\s|\s>\s|^not for distribution|^ex-\d|^exhibit\b|\bseries\b|^execution version$|^\(|^\[|^date\s+\d{4}|^for immediate release|^(?:press|media|news) release$|^embargoed\b|^(?:from|to|cc|bcc|sent|date):|^\d+$|^(?:\d+\s+)?federal\s+register\b|^presidential\s+documents$|^\d+(?:st|nd|rd|th)\s+(?:congress|session)\b|^(?:h\.\s*r\.|s\.|h\.\s*res\.|s\.\s*res\.)\s*\d+$|^(?:presidential\s+actions|executive\s+orders|presidential\s+memoranda|proclamations|fact\s+sheets|briefings\s+(?:&|and)\s+statements|in\s+the\s+(?:house\s+of\s+representatives|senate\s+of\s+the\s+united\s+states)|a\s+bill|an\s+act|a\s+proclamation)$)/i;
// "Press Release No. 26/418": a number of a release or a series, no title unless it names a document
// ("Amendment Agreement No. 2").
const NUMBERED = /\bNo\.\s*\d/i;
// The title of a President's instrument after the Federal Register's "Title 3—".
const TITLE_3 = /^Title\s+3\s*[—–-]+\s*(?=\S)/;
// A Federal Register document's heading: its agency in capitals, its CFR part, docket and RIN, and
// then its subject, which "AGENCY:" follows.
const RULE_PREAMBLE_START = /^AGENCY\s*:/;
const RULE_HEADING =
  /^(?:[A-Z][A-Z ,&'’.()-]+|\d+\s+CFR\s+.*|RIN\s+\S+|\[.*\]|Billing\s+Code\b.*|\d+)$/;

/** A Federal Register document's subject, the line before its "AGENCY:", or null. */
function ruleSubject(lines: readonly TextSpan[]): string | null {
  const agencyAt = lines.slice(0, 25).findIndex((line) => RULE_PREAMBLE_START.test(line.text));
  for (let at = agencyAt - 1; at >= 0; at -= 1) {
    const text = lines[at]?.text ?? '';
    if (!RULE_HEADING.test(text) && !FEDERAL_REGISTER_LINE.test(text)) return text;
  }
  return null;
}
const FEDERAL_REGISTER_LINE = /^(?:\d+\s+)?Federal\s+Register\b/i;

// 'This Act may be cited as the "Critical Minerals Supply Chain Act of 2025".', with the quotes of
// a plain text, a printed one ('' and '') or a typeset one.
const CITED_AS = /\bmay\s+be\s+cited\s+as\s+the\s+(?:"|''|``|“)([^"'“”]{3,150}?)(?:"|''|”)/;
// The lines of a bill before its text: "A BILL", "IN THE SENATE OF THE UNITED STATES", ...
const ENACTING_CLAUSE = /^Be\s+it\s+enacted\b/i;

/** An Act's or a bill's short title, by which its first section says it may be cited. */
function shortTitle(lines: readonly TextSpan[]): string | null {
  const enactedAt = lines.slice(0, 40).findIndex((line) => ENACTING_CLAUSE.test(line.text));
  if (enactedAt < 0) return null;
  for (const line of lines.slice(enactedAt, enactedAt + 6)) {
    const cited = CITED_AS.exec(line.text)?.[1];
    if (cited) return cited;
  }
  return null;
}

/** The headline or instrument name: the first early line that names a document or deal. */
export function findTitle(lines: readonly TextSpan[], roles: readonly LineRole[]): string | null {
  const subject = ruleSubject(lines) ?? shortTitle(lines);
  if (subject) return subject;
  const title = firstTitleLine(lines, roles);
  return title?.replace(TITLE_3, '') ?? null;
}

function firstTitleLine(lines: readonly TextSpan[], roles: readonly LineRole[]): string | null {
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
