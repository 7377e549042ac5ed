import { tidyName } from './parties';

// Parties a contract sets out as a block rather than in a sentence: a numbered list after
// "BETWEEN:" or "PARTIES" ("(1) KORVANE MINERALS LIMITED, a company incorporated in ..."), or a
// header of labelled lines, as a translated contract heads itself ("Party A (Buyer): Norvik
// Trading AS", "Seller: ...").

// The legal forms that follow a comma within a name ("Jiangrun Machinery Co., Ltd.").
const FORM_AFTER_COMMA =
  /^\s*(?:Ltd|Limited|Inc|LLC|LLP|Corp|Co|Pte|Bhd|S\.A|S\.p\.A|N\.V|B\.V)\b/i;
// Where the description of a party begins, when no comma comes first.
const DESCRIPTION =
  /\s+(?:whose|a\s+company|an?\s+\w+\s+company|incorporated|registered|having|with\s+its|of\s+\d+)\b/i;
// Words a name may hold in lower case ("Bank of Montreal", "Sociedad de Minas", "Sorrel plc").
const CONNECTOR = /^(?:of|and|de|du|des|la|le|del|der|für|&|the|for|y|e|plc|p\.l\.c\.)$/;

/** The name a party's entry opens with, without its description, address, number or short name. */
function nameOpening(entry: string): string | null {
  const line = withoutSentenceAfter(entry.split(/[;(\n"“]/)[0] ?? '');
  const parts = line.split(',');
  let name = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    if (!FORM_AFTER_COMMA.test(part)) break;
    name += `,${part}`;
  }
  name = (name.split(DESCRIPTION)[0] ?? '').trim();
  return looksLikeName(name) ? name : null;
}

// The full stop of an entry set on one line with the text that follows ("(2) Thane SE. It is").
const SENTENCE_AFTER = /\.\s+[A-Z][a-z]*\s+[a-z]/;
// A legal form abbreviated with a full stop, which keeps it ("Ltd.", "S.A.").
const ABBREVIATED_FORM = /(?:\b(?:Ltd|Inc|Co|Corp|Pte|Bhd)|[A-Z]\.[A-Z])\.$/;

function withoutSentenceAfter(entry: string): string {
  const m = SENTENCE_AFTER.exec(entry);
  const name = m ? entry.slice(0, m.index + 1) : entry;
  return name.endsWith('.') && !ABBREVIATED_FORM.test(name) ? name.slice(0, -1) : name;
}

function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 10 || !/^[A-Z0-9]/.test(name)) return false;
  return words.every((word) => /^[A-Z0-9&(]/.test(word) || CONNECTOR.test(word));
}

// "BETWEEN:", "between:" ending the opening sentence, "PARTIES" as a heading, then "(1)" or "1.".
const LIST_OPENING = /\b(?:between|parties)\b\s*:?\s*(?=\(1\)|1[.)]\s)/i;
// The number of each entry: "(2)" after a space, or "2." or "2)" opening a line.
const ENTRY_NUMBER = /(?:(?:^|\s)\(([1-9])\)|(?:^|\n)[ \t]*([1-9])[.)](?=\s))\s*/g;
const LIST_LENGTH = 1500;

/** The parties a numbered list after "BETWEEN:" or "PARTIES" sets out, in order. */
export function findListedParties(head: string): string[] {
  const opening = LIST_OPENING.exec(head);
  if (!opening) return [];
  const list = head.slice(opening.index + opening[0].length, opening.index + LIST_LENGTH);
  const names: string[] = [];
  for (const entry of numberedEntries(list)) {
    const name = nameOpening(entry);
    if (!name) break;
    names.push(tidyName(name));
  }
  return names.length >= 2 ? names : [];
}

/**
 * The entries of a list numbered from 1, each up to the next number in turn, written as the first
 * is ("(2)" after "(1)"); a number 1 again starts the text's own sections ("1. Definitions").
 */
function numberedEntries(list: string): string[] {
  const starts: number[] = [];
  const ends: number[] = [];
  let bracketed: boolean | null = null;
  ENTRY_NUMBER.lastIndex = 0;
  for (let m = ENTRY_NUMBER.exec(list); m; m = ENTRY_NUMBER.exec(list)) {
    const number = Number(m[1] ?? m[2]);
    if (number === 1 && starts.length > 0) break;
    if (number !== starts.length + 1 || (bracketed ?? m[1] !== undefined) !== (m[1] !== undefined))
      continue;
    bracketed = m[1] !== undefined;
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ENTRY_NUMBER.lastIndex = 0;
  return starts.map((start, i) => list.slice(start, ends[i + 1] ?? list.length));
}

// "Party A (Buyer): Norvik Trading AS", "Seller: ...", "The Licensor: ...": a labelled party, at the
// start of a line or after the entry before it on the same line ("Buyer: X; Seller: Y").
const LABELLED_PARTY =
  /(?:^|;)[ \t]*(?:The\s+)?(?<label>Party\s+[A-D1-4]|Buyer|Seller|Purchaser|Vendor|Supplier|Customer|Licensor|Licensee|Lessor|Lessee|Lender|Borrower|Contractor|Employer|Distributor|Principal|Client|Consultant)(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*:[ \t]*(?<entry>[^;\n]+)/gm;
// Labelled parties further apart than this are not one header.
const HEADER_SPAN = 800;

export interface LabelledParties {
  readonly names: string[];
  /** The name each label that says nothing of a party's role stands for ("party a"). */
  readonly labels: ReadonlyMap<string, string>;
}

/** The parties a header of labelled lines names, and what "Party A" and its like stand for. */
export function findLabelledParties(head: string): LabelledParties {
  const none = { names: [], labels: new Map<string, string>() };
  if (!head.includes(':')) return none;
  const found: { label: string; name: string; at: number }[] = [];
  LABELLED_PARTY.lastIndex = 0;
  for (let m = LABELLED_PARTY.exec(head); m; m = LABELLED_PARTY.exec(head)) {
    const opening = nameOpening(m.groups?.['entry'] ?? '');
    const name = opening && tidyName(opening);
    const label = (m.groups?.['label'] ?? '').replace(/\s+/g, ' ').toLowerCase();
    if (name && !found.some((f) => f.label === label)) found.push({ label, name, at: m.index });
  }
  LABELLED_PARTY.lastIndex = 0;
  const [first, second] = found;
  if (!first || !second || second.at - first.at > HEADER_SPAN || first.name === second.name)
    return none;
  const header = found.filter((f) => f.at - first.at <= HEADER_SPAN);
  const labels = new Map(
    header.filter((f) => f.label.startsWith('party ')).map((f) => [f.label, f.name]),
  );
  return { names: [...new Set(header.map((f) => f.name))], labels };
}
