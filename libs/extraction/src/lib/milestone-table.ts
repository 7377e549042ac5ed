import { formatIsoDate } from './calendar-date';
import { categorise } from './categories';
import { MONTH_NAMES, findDateMentions } from './date-mentions';
import type { DeadlineContext } from './deadlines';
import { extractDeadline } from './deadlines';
import { partiesNamedIn } from './governments';
import type { TextSpan } from './sentences';
import { findTriggers } from './triggers';
import type { Obligation } from './types';
import { COMMITMENT_VERB } from './verbs';

// "Schedule 2 - Milestones", "Key Dates", "Timetable", "Implementation schedule", and a lending
// programme's "Prior Actions and Structural Benchmarks": a table of what is due when follows, one
// row a line.
const TABLE_HEADING =
  /(?:^|[\s\-–—:])(?:(?:project|key|delivery|construction|payment)\s+)?(?:milestones?|key dates|timetable|time\s?line|implementation schedule|(?:delivery|shipment|payment)\s+schedule|schedule of (?:milestones|dates)|structural benchmarks)\s*:?$/i;
// A period named without a day: "Q2 2028", "H1 2027", "mid-2028", "2029", "End-June 2027".
const PERIOD_AT_END = new RegExp(
  String.raw`(?:\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H)\s+\d{4}|\b(?:early|mid|late)[\s-]\d{4}|\bend[\s-](?:${MONTH_NAMES.join('|')})\s+\d{4}|\b(?:19|20)\d{2})$`,
  'i',
);
const MAX_LABEL_WORDS = 12;
const BULLET = /^[-•*]\s+/;
// "Central Bank to publish its strategy", "Ministry of Finance to submit the budget": a row that
// names who is to act before what, a name of capitalised words from the row's start.
const OWNER_TO = new RegExp(
  String.raw`^([A-Z][\w&.'’-]*(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][\w&.'’-]*){0,4})\s+to\s+(?=${COMMITMENT_VERB})`,
);
// A header row that names its columns: "Milestone | Responsible | Due".
const LABEL_COLUMN =
  /^(?:milestones?|deliverables?|activit(?:y|ies)|items?|tasks?|actions?|obligations?|events?|steps?|measures?|structural benchmarks?|prior actions?|lots?|shipments?|instal(?:l)?ments?)$/i;
const DUE_COLUMN =
  /^(?:due|due date|date|deadline|target date|timing|time ?frame|by when|when|completion date|(?:delivery|shipment|payment) date)$/i;
// What a due column's name says is done by that date: "Delivery Date", "Payment Date".
const DUE_VERBS: readonly [RegExp, string][] = [
  [/^delivery\b/i, 'deliver'],
  [/^shipment\b/i, 'ship'],
  [/^payment\b/i, 'pay'],
];
const QUANTITY_COLUMN = /^(?:quantity|qty\.?|amount|volume|tonnage)$/i;
const OWNER_COLUMN = /^(?:responsible|responsibility|owner|party|by|lead|who|by whom)$/i;
// "---|---|---": the line under a header row.
const RULE_ROW = /^[\s|:+=-]+$/;
// An owner that is all of them: "Both", "All", "Parties", "Joint".
const ALL_PARTIES = /^(?:both|all|(?:both |all |the )?parties|joint(?:ly)?)$/i;

/** Where the label, due date and owner of each row are, as a header row names its columns. */
interface Columns {
  readonly count: number;
  readonly label: number;
  readonly due: number;
  readonly owner: number;
  /** The column of how much each row is, or -1. */
  readonly quantity: number;
  /** What the due column's name says is done by its date ("deliver"), or null. */
  readonly verb: string | null;
}
// "First shipment expected", "Target start of production": hoped for, not promised.
const EXPECTED = /\b(?:expected|planned|target(?:ed)?|estimated|anticipated|indicative)\b/i;

/**
 * Reads a table of milestones, as a document converted from HTML, Word or PDF gives one: a heading
 * that names it, perhaps a header row, then one milestone a line, its label and then when it is due
 * ("Financial close 30 June 2026", "Commercial operation | Q2 2028"), or a label on one line and
 * its date on the next, as a Word table's cells come. Each row is a commitment of the parties, due
 * by that date; the table ends at the first line that is neither a row nor a label.
 */
export class MilestoneTable {
  private inTable = false;
  /** A line that may be the label of the date on the next one (or the table's header). */
  private label: TextSpan | null = null;
  /** The columns a header row named; rows are then read cell by cell. */
  private columns: Columns | null = null;
  /** The table's name where it has one of several words ("delivery schedule"), in lower case. */
  private name: string | null = null;

  constructor(
    private readonly source: string,
    private readonly context: DeadlineContext,
    private readonly parties: readonly string[],
    private readonly binding: boolean,
    /** Who the commitment that refers to the table by its name binds, for rows with no owner. */
    private readonly actorsReferringTo: (name: string) => readonly string[] | null = () => null,
  ) {}

  /** The line's milestone, or null; `consumed` is set for a line that is the table's own. */
  read(line: TextSpan): { milestone: Obligation | null; consumed: boolean } {
    const heading = TABLE_HEADING.exec(line.text);
    if (heading && findTriggers(line.text).length === 0) {
      this.inTable = true;
      this.label = null;
      this.name = nameOf(heading[0]);
      return { milestone: null, consumed: true };
    }
    const columns = headerColumns(line.text);
    if (columns) {
      this.columns = columns;
      this.inTable = true;
      return { milestone: null, consumed: true };
    }
    const cells = this.columns ? this.readCells(line, this.columns) : null;
    if (cells) return cells;
    if (!this.inTable) return { milestone: null, consumed: false };
    const text = line.text.replace(/[\s|;.]+$/, '');
    const when = whenAtEnd(text);
    // "- Adopt the revised Banking Law. End-December 2026": the row's bullet and stop are no label.
    const label = (when ? text.slice(0, when.start).replace(/[\s|:,.\-–—\t]+$/, '') : text).replace(
      BULLET,
      '',
    );
    const labelLine = this.label;
    this.label = null;
    const end = line.start + text.length;
    if (when && label === '' && labelLine)
      return this.row(labelLine.text, labelLine.start, end, when.text);
    if (when && isLabel(label)) return this.row(label, line.start, end, when.text);
    if (!when && isLabel(label)) {
      this.label = line;
      return { milestone: null, consumed: true };
    }
    this.inTable = false;
    return { milestone: null, consumed: false };
  }

  /**
   * A row of a table whose header named its columns, or null for a line of other cells, read then
   * as a row of label and date ("Start of construction\t1 March 2027").
   */
  private readCells(
    line: TextSpan,
    columns: Columns,
  ): { milestone: Obligation | null; consumed: boolean } | null {
    if (RULE_ROW.test(line.text)) return { milestone: null, consumed: true };
    const cells = cellsOf(line.text);
    if (cells.length !== columns.count) {
      this.columns = null;
      return null;
    }
    const label = cells[columns.label] ?? '';
    const due = cells[columns.due] ?? '';
    const quantity = columns.quantity >= 0 ? (cells[columns.quantity] ?? '') : '';
    const title = columns.verb
      ? `${columns.verb} ${label}${quantity ? ` (${quantity})` : ''}`
      : label;
    const end = line.start + line.text.trimEnd().length;
    const actors = columns.owner >= 0 ? this.ownersOf(cells[columns.owner] ?? '') : undefined;
    return this.row(title, line.start, end, due, actors);
  }

  /** The parties an owner cell names: all for "Both", those it names, or the cell as written. */
  private ownersOf(owner: string): string[] {
    if (owner === '' || ALL_PARTIES.test(owner)) return [...this.parties];
    const named = partiesNamedIn(owner, this.parties);
    return named.length > 0 ? named : [owner];
  }

  /**
   * Who a row binds that names no owner: the parties of the commitment that refers to the table by
   * its name ("The Contractor shall deliver the goods in accordance with the Delivery Schedule"),
   * else all.
   */
  private tableActors(): string[] {
    const named = this.name ? this.actorsReferringTo(this.name) : null;
    return named && named.length > 0 ? [...named] : [...this.parties];
  }

  /** The date the document was written on, before which a row is history. */
  private get written(): string | null {
    const { signedAt, publishedAt, effectiveAt, reference } = this.context;
    // The date it was received only where the text has none of its own.
    const date = signedAt ?? publishedAt ?? effectiveAt ?? reference;
    return date ? formatIsoDate(date) : null;
  }

  /** The milestone of a row: `label` due by `when`, quoted from `start` to `end`. */
  private row(
    label: string,
    start: number,
    end: number,
    when: string,
    owners?: string[],
  ): { milestone: Obligation | null; consumed: boolean } {
    const owned = owners ? null : OWNER_TO.exec(label);
    const actors = owners ?? (owned?.[1] ? this.ownersOf(owned[1]) : this.tableActors());
    const action = owned ? label.slice(owned[0].length) : label;
    // "120 days after Effective Date" is read as it stands, a date or a period as due "by" it.
    const deadline =
      extractDeadline(when, this.context, null) ??
      extractDeadline(`by ${when}`, this.context, null);
    // "Talks began 12 March 2019" or "Framework signed" on the day in a timeline is history, not a
    // milestone: it is kept out.
    const past = deadline?.dueDate && this.written && deadline.dueDate <= this.written;
    if (!deadline || past) return { milestone: null, consumed: true };
    const milestone: Obligation = {
      // A label and its date on two lines (a Word table's cells) are quoted on one.
      text: this.source.slice(start, end).replace(/\n/g, ' '),
      span: [start, end],
      actors,
      action,
      category: categorise(action, action),
      binding: this.binding && !EXPECTED.test(label),
      confidence: 0.6,
      deadline: { ...deadline, expression: when },
    };
    return { milestone, consumed: true };
  }
}

/** A heading's name in lower case, where it has more than one word ("key dates"); else null. */
function nameOf(heading: string): string | null {
  const name = heading.replace(/^[\s\-–—:]+|[\s:]+$/g, '').toLowerCase();
  return /\s/.test(name) ? name : null;
}

/** Whether a line can be a row's label: a few words that commit no one but the owner it names. */
function isLabel(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  const owner = OWNER_TO.exec(text)?.[0] ?? '';
  return (
    words > 0 && words <= MAX_LABEL_WORDS && findTriggers(text.slice(owner.length)).length === 0
  );
}

/** The date or period a row ends with, and where it starts. */
function whenAtEnd(text: string): { start: number; text: string } | null {
  const last = findDateMentions(text).at(-1);
  if (last && last.end === text.length) return { start: last.start, text: last.text };
  const period = PERIOD_AT_END.exec(text);
  return period ? { start: period.index, text: period[0] } : null;
}

/** The columns of a header row that names a label and a due column, or null for any other line. */
function headerColumns(text: string): Columns | null {
  if (!text.includes('|')) return null;
  const cells = cellsOf(text);
  const label = cells.findIndex((cell) => LABEL_COLUMN.test(cell));
  const due = cells.findIndex((cell) => DUE_COLUMN.test(cell));
  if (label < 0 || due < 0) return null;
  const verb = DUE_VERBS.find(([re]) => re.test(cells[due] ?? ''))?.[1] ?? null;
  return {
    count: cells.length,
    label,
    due,
    owner: cells.findIndex((c) => OWNER_COLUMN.test(c)),
    quantity: cells.findIndex((c) => QUANTITY_COLUMN.test(c)),
    verb,
  };
}

/** A table row's cells, between its bars. */
function cellsOf(text: string): string[] {
  return text.split('|').map((cell) => cell.trim());
}
