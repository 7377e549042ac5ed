import type { TextSpan } from './sentences';

// The legal forms of companies, as a company's name ends: "Corp.", "GmbH", "S.p.A.".
const LEGAL_FORMS = String.raw`Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|L\.L\.C|LLP|LP|plc|PLC|AB|AG|SA|S\.A\.C|S\.A|SAS|SAC|SE|GmbH|N\.V|B\.V|K\.K|ASA|Oyj|S\.p\.A|SpA|Co|Company|Holdings|Group|Lda|Ltda|Bhd|Pte|Tbk|S\.r\.l|SRL|Oy`;
// A party's name in a parties clause, which may also be an institution's ("Ostrander Bank").
const LEGAL_SUFFIX = new RegExp(
  String.raw`(?:\b(?:${LEGAL_FORMS}|L\.P|Pty|Bank|Trust|Partners|University|Fund|Authority|Agency)\.?)$`,
  'i',
);
const COMPANY_FORM = new RegExp(String.raw`\b(?:${LEGAL_FORMS}|Pty)\.?$`);

/** Whether a party's name ends in a company's legal form ("Coastal Lithium Refining LLC"). */
export function isCompanyName(name: string): boolean {
  return COMPANY_FORM.test(name);
}

const BOUNDARY =
  /(?:\n|\bby and between\b|\bbetween\b|\band\b|\bwith\b|--|—|\s-\s|:|;|\(\d+\)|\)\s*,?|^)\s*/gi;
/** Title-cases a name written in capitals ("HEDDON SEPARATION TECHNOLOGIES LIMITED"). */
export function tidyName(name: string): string {
  const cleaned = name.replace(/\s+/g, ' ').replace(/^[,\s]+|[,\s]+$/g, '');
  if (cleaned !== cleaned.toUpperCase()) return cleaned;
  return cleaned
    .split(' ')
    .map((word) =>
      /^(AB|AG|SA|S\.A\.|LLC|LLP|LP|PLC|PTY|K\.K\.|N\.V\.|B\.V\.|GMBH|ASA|SE)$/.test(word)
        ? word
        : word.charAt(0) + word.slice(1).toLowerCase(),
    )
    .join(' ');
}

// A legal name of capitalised words and a legal form ending a stretch of text.
const LEGAL_NAME_AT_END = new RegExp(
  String.raw`((?:[A-Z][\w&'’.-]*,?\s+){1,6}(?:${LEGAL_FORMS}|Pty\s+Ltd)\b\.?)\s*$`,
);

// "the Department for Energy Security and Net Zero ("the Funder")": a public body as a party.
const PUBLIC_BODY =
  /^(?:Department|Ministry|Office|Government|Commission|Secretary of State|Export Credits Guarantee Department)\b/;

// The capitalised words a wrapped line ends on after "and", "between" or a bracket: the start of a
// name that goes on on the next line ("... and Cornish Lithium" / "Futures Limited").
const NAME_START_AT_LINE_END =
  /(?:\band|\bbetween|\bwith|\)\s*,?)\s+((?:[A-Z][\w&'’.-]*\s+)*[A-Z][\w&'’.-]*)\s*\n\s*$/;

/** `name` with the start of it that a wrapped line left on the line before, if it did. */
function withWrappedStart(before: string, name: string): string {
  const start = NAME_START_AT_LINE_END.exec(before)?.[1];
  return start ? `${start} ${name}` : name;
}

// "NORDBANK AG as agent", "Citadel Trust Bank acting as security trustee": the capacity a party
// signs in follows its name.
const CAPACITY = /\s+(?:acting\s+)?as\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+$/;

const isNamed = (name: string) => LEGAL_SUFFIX.test(name) || PUBLIC_BODY.test(name);
// "Quillon Resources Limited (ASX: QLR) ("Quillon")": a listing between a name and its short name.
const LISTING_AT_END = /\s*\([A-Z][A-Za-z -]{1,14}:\s*[A-Z0-9][A-Z0-9.]{0,7}\)\s*$/;

function nameBefore(text: string, end: number): string | null {
  const before = text.slice(Math.max(0, end - 250), end);
  const chunk = before.trimEnd().endsWith(')') ? before.replace(LISTING_AT_END, '') : before;
  const starts: number[] = [0];
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(chunk); m; m = BOUNDARY.exec(chunk)) {
    if (m[0].length === 0) BOUNDARY.lastIndex += 1;
    else if (m.index + m[0].length < chunk.length) starts.push(m.index + m[0].length);
  }
  // The nearest boundary first; an "and" inside a place name ("England and Wales") falls
  // back to an earlier one.
  for (const start of starts.reverse()) {
    const raw = chunk.slice(start).split(/,\s+(?:an?|the|whose)\s+/i)[0] ?? '';
    const name = withWrappedStart(
      chunk.slice(0, start),
      raw
        .replace(/^\W+/, '')
        .replace(/^the\s+/, '')
        .trim()
        .replace(/,$/, ''),
    );
    const party = isNamed(name) ? name : name.replace(CAPACITY, '');
    if (isNamed(party) && /^[A-Z0-9]/.test(party) && party.split(/\s+/).length <= 10) {
      return party;
    }
  }
  // "the terms on which Seoul Anode Materials Co., Ltd. (SAM) proposes": a sentence leads up to it.
  return LEGAL_NAME_AT_END.exec(chunk)?.[1] ?? null;
}

/** Companies named in a parties clause: a legal name followed by its defined short name. */
export function findCompanyParties(text: string, lines: readonly TextSpan[]): string[] {
  const names: string[] = [];
  const add = (name: string | null) => {
    if (!name) return;
    const tidy = tidyName(name);
    if (!names.some((n) => n.toLowerCase() === tidy.toLowerCase())) names.push(tidy);
  };
  // `(the "Licensor")`, `(hereinafter "the Contractor")`, `(hereinafter referred to as "the State")`.
  const term =
    /\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?(?:the\s+)?["“][^"”]+["”]/g;
  for (let m = term.exec(text); m; m = term.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const sameLine = text.slice(lineStart, m.index).trim();
    if (sameLine.length > 0) add(nameBefore(text, m.index));
    else add(nameBefore(text, Math.max(0, lineStart - 1)));
  }
  // Facility-agreement style: the name on one line and "as Borrower" on the next.
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i];
    const previous = lines[i - 1];
    if (line && previous && /^as\s+(the\s+)?[A-Z][\w-]+$/.test(line.text)) {
      const name = previous.text.trim();
      if (name.split(/\s+/).length <= 8 && !/[a-z]{3,}/.test(name.replace(/\b(and|of)\b/g, ''))) {
        add(name);
      }
    }
  }
  return names;
}

// A company's legal name in running text ("Orion Minerals Corp.") and its listing, if any
// ("(NYSE: ORM)", which is not part of the name).
const COMPANY_NAME = String.raw`([A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’.-]*|&|of|and|de))*?,?\s+(?:${LEGAL_FORMS}|Pty\s+Ltd)\b\.?)(?:\s*\([^()]{1,40}\)){0,2}`;
const LEGAL_FORM = new RegExp(String.raw`\b(?:${LEGAL_FORMS}|Pty)\b`);

/** Whether a text names a company by its legal form ("Pty Ltd", "Inc."). */
export function namesCompany(text: string): boolean {
  return LEGAL_FORM.test(text);
}

/**
 * The opening of a text, where a release or a parties clause names its companies, if it names one
 * by its legal form: most texts do not, and the costly name patterns are not tried on them.
 */
function headNamingCompanies(text: string): string | null {
  const head = text.slice(0, 3000);
  return LEGAL_FORM.test(head) ? head : null;
}
// "Orion Minerals Corp. (NYSE: ORM) and Silverlake Resources Ltd. (ASX: SLR) today announced that
// they have entered into a definitive agreement": a press release names its parties so.
const ANNOUNCED = new RegExp(
  String.raw`${COMPANY_NAME},?\s+and\s+${COMPANY_NAME},?\s+(?:\([^()]*\)\s+)?(?:today\s+|have\s+|jointly\s+)*(?:announced|signed|entered\s+into|agreed)\b`,
);

// "made on 10 January 2026 between Alpha Minerals Pty Ltd, an Australian company, and Beta
// Magnets, Inc., a Delaware corporation": a parties clause with no short names.
const BETWEEN = new RegExp(
  String.raw`\bbetween\s+${COMPANY_NAME}(?:,\s+(?:an?|the)\s+[^,;()]{1,80}?,)?\s+and\s+${COMPANY_NAME}`,
);

/** The two companies a parties clause names without defining short names for them, or none. */
export function findContractingCompanies(text: string): string[] {
  const head = headNamingCompanies(text);
  const m = head === null ? null : BETWEEN.exec(head);
  return m?.[1] && m[2] ? [tidyName(m[1]), tidyName(m[2])] : [];
}

/** The two companies a press release says made an agreement, or none. */
export function findAnnouncedParties(text: string): string[] {
  const head = headNamingCompanies(text);
  const m = head === null ? null : ANNOUNCED.exec(head);
  if (!m?.[1] || !m[2]) return [];
  return [tidyName(m[1]), tidyName(m[2])];
}

// "The U.S. Department of Energy today announced a $120 million grant to Coastal Lithium Refining
// LLC": a government's award names the company it is made to.
const AWARDED = new RegExp(
  String.raw`\b(?:announced|awarded|approved|signed|finali[sz]ed|closed|extended|made)\s+(?:[\w$€£¥.,%-]+\s+){0,5}?(?:grant|loan|award|financing|investment|guarantee|contract)s?\s+(?:to|with|for|in)\s+${COMPANY_NAME}`,
);

/** The company a government's announcement makes an award to, or null. */
export function findAwardRecipient(text: string): string | null {
  const head = headNamingCompanies(text);
  const name = head === null ? undefined : AWARDED.exec(head)?.[1];
  return name ? tidyName(name) : null;
}
