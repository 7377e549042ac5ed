import { MONTH_NAMES, WEEKDAY_NAME } from './date-mentions';
import { governmentHits, isGovernmentName } from './governments';
import { allMatches } from './matches';

// Companies a news report or a release names without a legal form ("Glencore", "Rio Tinto"),
// known as companies by what the text says of them: that they signed with a state, that they are
// listed, or that they are "the company".

// A name of up to five capitalised words: "Rio Tinto", "Toyota Tsusho", "Korea Zinc".
const NAME = String.raw`((?:[A-Z][\w&'’-]*\s+){0,4}[A-Z][\w&'’-]*)`;

// What goes before a name without being part of it: "On Tuesday Glencore", "The Korea Zinc".
const LEADING_WORDS = new RegExp(
  String.raw`^(?:(?:The|On|In|At|By|After|Both|Also|Meanwhile|Today|Earlier|Later|Last|This|${WEEKDAY_NAME}|${MONTH_NAMES.join('|')})\s+)+`,
  'i',
);

// People and the state's own bodies are not companies: "President Lee", "Ministry of Energy".
const NOT_A_COMPANY =
  /\b(?:President|Prime|Minister|Premier|Chancellor|Secretary|King|Queen|Prince|Princess|Emir|Sheikh|Sultan|Governor|Ambassador|Mayor|Senator|Mr|Mrs|Ms|Dr|Ministry|Department|Government|Office|Agency|Embassy|Parliament|Congress|Council|Committee|Cabinet|Treasury|Commission|Authority|Administration|Bureau|Republic|Kingdom|Province|State|Officials?|Ministers?|Leaders?|Negotiators?|Delegations?)\b/;

/** The lower-case words of a text, read once and only where a name is to be checked. */
class CommonWords {
  private words: Set<string> | null = null;
  constructor(private readonly text: string) {}

  has(word: string): boolean {
    this.words ??= new Set(allMatches(/\b[a-z][\w'’-]*/g, this.text).map((m) => m[0]));
    return this.words.has(word.toLowerCase());
  }
}

/**
 * The company a run of capitalised words names, or null: without the words put before it, and not
 * a person, a state, a state's body, nor words the text also writes in lower case ("Lithium
 * Miners" of a headline set in title case).
 */
function companyName(run: string, common: CommonWords): string | null {
  const name = run.replace(LEADING_WORDS, '').trim();
  if (name === '' || NOT_A_COMPANY.test(name) || isGovernmentName(name)) return null;
  return name.split(/\s+/).every((word) => common.has(word)) ? null : name;
}

// "signed", "have agreed", "today announced", "on Tuesday signed": what co-signers did.
const SIGNING_VERB = new RegExp(
  String.raw`^\s+(?:(?:have|has|had|will|today|jointly|formally|also|on\s+${WEEKDAY_NAME})\s+)*(?:sign(?:ed|s)?|agree[sd]?|enter(?:ed|s)?\s+into|conclude[sd]?|ink(?:ed|s)?|str(?:uck|ike)|announce[sd]?)\b`,
  'i',
);
// "Glencore and the government of ", "between Rio Tinto and ": a name just before a state's, and
// the word before it, which may make it the end of a longer name ("the Ministry of Mining and").
const NAME_AND_BEFORE = new RegExp(
  String.raw`(?:\b(between|of|for|de|and|&)\s+)?${NAME}\s+and\s+(?:the\s+)?(?:[Gg]overnment\s+of\s+(?:the\s+)?)?$`,
);
// " and Glencore signed": a name just after a state's.
const AND_NAME_AFTER = new RegExp(String.raw`^\s+and\s+${NAME}(?=\s|[,.;:]|$)`);
// "between the Government of ": a state's name led up to as the first of two parties.
const BETWEEN_BEFORE = /\bbetween\s+(?:the\s+)?(?:[Gg]overnment\s+of\s+(?:the\s+)?)?$/;

/** The company named with the government at hit as its co-signer, or null. */
function coSignerOf(
  text: string,
  hit: { at: number; end: number },
  common: CommonWords,
): string | null {
  const before = NAME_AND_BEFORE.exec(text.slice(Math.max(0, hit.at - 90), hit.at));
  if (before?.[2] && (before[1] === undefined || before[1] === 'between')) {
    const signs = before[1] === 'between' || SIGNING_VERB.test(text.slice(hit.end, hit.end + 60));
    if (signs) return companyName(before[2], common);
  }
  const after = AND_NAME_AFTER.exec(text.slice(hit.end, hit.end + 90));
  if (!after?.[1]) return null;
  const afterName = hit.end + after[0].length;
  const signs =
    BETWEEN_BEFORE.test(text.slice(Math.max(0, hit.at - 40), hit.at)) ||
    SIGNING_VERB.test(text.slice(afterName, afterName + 60));
  return signs ? companyName(after[1], common) : null;
}

/**
 * A company and a state that a title or an opening line says made an agreement together, the
 * company named without a legal form: "Glencore and the government of Kazakhstan signed",
 * "Rio Tinto and Mongolia agree", "an agreement between Mongolia and Rio Tinto".
 */
export function findCoSigningCompany(
  candidateTexts: readonly string[],
  text: string,
): { government: string; company: string } | null {
  const common = new CommonWords(text);
  for (const candidate of candidateTexts) {
    if (!/\band\b/.test(candidate)) continue;
    for (const hit of governmentHits(candidate)) {
      const company = coSignerOf(candidate, hit, common);
      if (company) return { government: hit.name, company };
    }
  }
  return null;
}

// "Pilbara Lithium (ASX: PLL)", "Silverlake (TSX-V: SLV)": a company by its stock listing.
const LISTING =
  /\s*\((?:ASX|NYSE(?: American)?|NASDAQ|Nasdaq|TSX(?:-?V)?|LSE|AIM|JSE|HKEX|SEHK|SGX|NZX|OTCQX|OTCQB|OTC|FRA|XETRA|ETR|TYO|TSE|KRX|KOSDAQ|NSE|BSE|IDX|SET|B3|BMV|BVL|CSE|Euronext)\s*:\s*[A-Z0-9][A-Z0-9.]{0,7}\)/g;
const NAME_AT_END = new RegExp(`${NAME}$`);

/**
 * The companies a text's opening names without a legal form: those it lists ("Yarrabee Lithium
 * (ASX: YBL)"), else the one it reports as "the company".
 */
export function findCompaniesWithoutForm(head: string): string[] {
  const listed = findListedCompanies(head);
  if (listed.length > 0) return listed;
  const reported = findReportedCompany(head);
  return reported ? [reported] : [];
}

/** The companies a text's opening names by their stock listings, in order, without them. */
export function findListedCompanies(head: string): string[] {
  const common = new CommonWords(head);
  const names: string[] = [];
  for (const m of allMatches(LISTING, head)) {
    // A name does not run back over a line break into a headline above it.
    const before = head.slice(Math.max(0, m.index - 90), m.index);
    const run = NAME_AT_END.exec(before.slice(before.lastIndexOf('\n') + 1))?.[1];
    const name = run ? companyName(run, common) : null;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

// "Toyota Tsusho will invest $1.5 billion in a plant, the company said": the subject of what "the
// company" says, at the start of a sentence, a line or after a dateline.
const SAID_BY_THE_COMPANY = new RegExp(
  String.raw`(?:^|[.!?]\s+|\n\s*|\s[-–—]+\s+)${NAME}\s+(?:will|would|plans|intends|expects|aims|has|is|signed|agreed)\b(?:[^.]|\.\d)*?,\s+the\s+(?:company|group|firm|miner)\s+(?:said|says|announced|added|stated)\b`,
  'g',
);

/** The company a report's opening names as the subject of what "the company said", or null. */
export function findReportedCompany(head: string): string | null {
  const common = new CommonWords(head);
  for (const m of allMatches(SAID_BY_THE_COMPANY, head)) {
    const name = m[1] ? companyName(m[1], common) : null;
    if (name) return name;
  }
  return null;
}
