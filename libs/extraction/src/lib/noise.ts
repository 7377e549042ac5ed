import type { TextSpan } from './sentences';

/**
 * Page furniture and non-operative text: what a scraped page, a press release or a contract
 * carries around its commitments. Lines are judged by their form, never by their wording in a
 * particular document.
 */
export type LineRole = 'body' | 'noise' | 'recital' | 'definition' | 'heading';

const NOISE_LINE: readonly RegExp[] = [
  /^https?:\/\/\S+$/i,
  /^date\s+\d{4}-\d{2}-\d{2}\b/i,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
  /^\d{4}$/,
  // "(c) 2025 Example Wire": a copyright line; "(c) Each Party will ..." is a list's third item.
  /^\(c\)\s*(?:(?:19|20)\d\d\b|copyright\b)/i,
  /©|all rights reserved/i,
  /^\((reporting|editing|writing) by\b/i,
  /^\d{3,4}\s+\d{3,4}\s+(true|false)$/,
  /^[a-z]{2}_[A-Z]{2}$/,
  /market data delayed/i,
  /^(related instruments|record note)\s*:/i,
  /^\[.*\]$/,
  /^(in witness whereof|signed by|for and on behalf of|by:\s*\/s\/|title:)/i,
  /^(signed|done) at\b/i,
  /^for (the )?(government|the united states|japan)\b.*:/i,
  // "Orion will host a conference call and webcast at 8:00 a.m. ET": a press release's furniture,
  // though it says "will".
  /\b(conference call|webcast)\b/i,
];

// Page furniture known by its words ("Share this article", "Investor Relations", a byline "By
// Harriet Collins, ...", a contact's e-mail address), which a sentence that commits
// someone is not: "Investors will receive 0.85 shares", "By Closing, the Seller shall deliver the
// Products", "Notices shall be sent to legal@acme.example within 5 days".
const FURNITURE_WORDS: readonly RegExp[] = [
  /^(tags|topics|share|related|read more|listen to|reading time|subscribe|sign up|skip to|advertise|contacts?|investors?|media|for further information)\b/i,
  /^[Bb]y\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}(,|$)/,
  // An e-mail address, tried only where a word starts (a long ruled line stays linear).
  /(?<![^\s@])[^\s@]+@[^\s@]+\.\w+/,
  /\b(signature pages? follow|not reproduced|omitted from this excerpt)\b/i,
];
const COMMITMENT_WORD = /\b(will|shall|intends?|must)\b/i;

function isNoise(line: string): boolean {
  if (NOISE_LINE.some((re) => re.test(line))) return true;
  return FURNITURE_WORDS.some((re) => re.test(line)) && !COMMITMENT_WORD.test(line);
}

// Section headings after which the content is page furniture until the next heading.
const NOISE_SECTION =
  /^(forward-looking statements?|cautionary (note|statement)|conference call|advisors|contacts|about\s+.+|related coverage|read more:?)$/i;
const RECITAL_SECTION = /^(recitals?|background|preamble|whereas)\s*:?$/i;
const OPERATIVE_START =
  /(agree[sd]?\s+as\s+follows|agreed terms|now,?\s+therefore|it is (hereby )?agreed|have reached the following|arrived at the following|operative provisions|^article\s+\d|^section\s+\d|^\d+(\.\d+)*\.?\s+[A-Z])/i;

export function isHeading(line: string): boolean {
  if (line.length > 80 || /[.;:,]$/.test(line)) return false;
  const words = line.split(/\s+/);
  return words.length <= 8 && !COMMITMENT_WORD.test(line);
}

export function isDefinition(line: string): boolean {
  return /^(\d+(\.\d+)*\.?\s+)?["“][^"”]+["”]\s+(means|shall mean|has the meaning|includes)\b/i.test(
    line,
  );
}

/** Assigns a role to each line, tracking recital and boilerplate sections. */
export function classifyLines(lines: readonly TextSpan[]): LineRole[] {
  const roles: LineRole[] = [];
  let section: 'body' | 'noise' | 'recital' = 'body';
  for (const line of lines) {
    const text = line.text;
    if (NOISE_SECTION.test(text)) {
      section = 'noise';
      roles.push('heading');
      continue;
    }
    if (RECITAL_SECTION.test(text)) {
      section = 'recital';
      roles.push('heading');
      continue;
    }
    if (section === 'recital' && OPERATIVE_START.test(text)) section = 'body';
    else if (section === 'noise' && isHeading(text) && !NOISE_SECTION.test(text)) section = 'body';
    if (/^whereas\b/i.test(text)) {
      roles.push('recital');
      continue;
    }
    if (isNoise(text)) {
      roles.push('noise');
      continue;
    }
    if (section !== 'body') {
      roles.push(section);
      continue;
    }
    if (isDefinition(text)) roles.push('definition');
    else if (isHeading(text)) roles.push('heading');
    else roles.push('body');
  }
  return roles;
}

/** Sentences that describe the instrument's status, a disclaimer or a reported opinion. */
export function isNonOperativeSentence(sentence: string): boolean {
  return (
    /\b(not legally binding|not a treaty|does not create legal obligations?|does not obligate|non-binding status)\b/i.test(
      sentence,
    ) ||
    // "a forward-looking strategy" and "accepts responsibility for the works" can be commitments.
    /\b(forward-looking (?:statements?|information)|undertakes no obligation|does not constitute an offer|accepts? no responsibility|accepts? responsibility for the information)\b/i.test(
      sentence,
    ) ||
    /\bhave not been and will not be\b/i.test(sentence) ||
    // "When will the plant reach full capacity?": asked, not promised.
    /\?["”’']?\s*$/.test(sentence) ||
    // The general provisions of a President's instrument: how it is to be read, not a duty.
    /^(?:this|the)\s+(?:order|memorandum|proclamation|directive)\s+(?:shall|will|is\s+to)\s+be\s+implemented\s+consistent\s+with\s+applicable\s+law\b/i.test(
      sentence.replace(/^\s*(?:\([a-z0-9]+\)\s*)?/i, ''),
    )
  );
}
