/** The result shape read by the clause-extraction service and the benchmark: keep it stable. */
export const OBLIGATION_CATEGORIES = [
  'financing',
  'investment',
  'meeting',
  'stockpiling',
  'permitting',
  'mapping',
  'body-establishment',
  'trade-measure',
  'reporting',
  'payment',
  'delivery',
  'closing',
  'notice',
  'other',
] as const;

export type ObligationCategory = (typeof OBLIGATION_CATEGORIES)[number];

export type AnchorType =
  'signing' | 'publication' | 'effective' | 'entry-into-force' | 'date' | 'event';

export interface DeadlineAnchor {
  type: AnchorType;
  date?: string;
  ref?: string;
}

export type DeadlineKind = 'within' | 'by' | 'on' | 'window' | 'recurring';

export interface Deadline {
  expression: string;
  kind: DeadlineKind;
  dueDate: string | null;
  duration?: string;
  businessDays?: true;
  relation?: 'after' | 'before';
  recurrence?: string;
  rule: string;
  anchor: DeadlineAnchor;
}

export interface Obligation {
  /** The evidence: the text at `span`, a wrapped paragraph's line breaks read as spaces. */
  text: string;
  span: [number, number];
  actors: string[];
  action: string;
  category: ObligationCategory;
  binding: boolean;
  confidence: number;
  deadline: Deadline | null;
}

export interface ContractTerm {
  /** ISO date, or "perpetual" when the term runs until a party ends it. */
  expiresAt: string | null;
  renewal: { period: string; noticeBeforeExpiry: string | null } | null;
  /**
   * Set when, once any fixed term is over, the agreement runs on until a party ends it ("and
   * thereafter until terminated by either party"): a renewal with no period, CUAD's "perpetual".
   */
  evergreen?: true;
  /**
   * With evergreen and no renewal period: the notice (ISO 8601 duration) a party gives to end the
   * agreement once it runs on ("until terminated by either party on 30 days' notice").
   */
  noticeToEnd?: string;
  /**
   * What ends the term when the text gives it no date ("the expiration of the Royalty Term",
   * "P12M after the Launch Date"); expiresAt is then null.
   */
  endEvent?: string;
}

/**
 * Dates the text leaves partly blank for the signatories to fill in ("September __, 2019"),
 * written in EDTF with X for each digit not given ("2019-09-XX", "20XX-XX-XX").
 */
export interface IncompleteDates {
  signedAt?: string;
  effectiveAt?: string;
  expiresAt?: string;
}

export interface ExtractionResult {
  title: string | null;
  publishedAt: string | null;
  signedAt: string | null;
  effectiveAt: string | null;
  entryIntoForceAt: string | null;
  parties: string[];
  term: ContractTerm | null;
  obligations: Obligation[];
  /** Only for a field whose full date is null because the text leaves part of it blank. */
  incompleteDates?: IncompleteDates;
}

export interface ExtractionOptions {
  /** Publication date known from the source (feed metadata); wins over the text's own. */
  publishedAt?: string | null;
  /** Signing date known from the source; wins over the text's own. */
  signedAt?: string | null;
  title?: string | null;
  /**
   * The date the text was received. Only used to give a year to dates written without one
   * (a wire dateline "Oct 26") when the text itself names no year.
   */
  referenceDate?: string | null;
}

export interface ClauseExtractorInput {
  text: string;
  publishedAt?: string | null;
  signedAt?: string | null;
  title?: string | null;
}

export interface ClauseExtractor {
  readonly version: string;
  extract(input: ClauseExtractorInput): ExtractionResult;
}
