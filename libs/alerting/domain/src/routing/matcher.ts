/**
 * What an alert can be matched on. `party` (the parties of its agreement) and `binding` (`true` or
 * `false`: whether its obligation binds) come from the latest extraction of the agreement that
 * alerting has seen; before one arrives an alert has no party and `binding` is empty.
 */
export const matchLabels = [
  'agreementId',
  'milestoneId',
  'category',
  'severity',
  'offset',
  'title',
  'party',
  'binding',
] as const;
export type MatchLabel = (typeof matchLabels)[number];
/** Every label has one value, but `party`: an agreement has several parties. */
export type AlertLabels = Record<Exclude<MatchLabel, 'party'>, string> & {
  party: readonly string[];
};

export const matchOperators = ['=', '!=', '=~', '!~'] as const;
export type MatchOperator = (typeof matchOperators)[number];

/** One condition, written as Alertmanager writes them: `severity="critical"`, `title=~"(?i)pay.*"`. */
export interface Matcher {
  label: MatchLabel;
  operator: MatchOperator;
  value: string;
}

const MATCHER = /^\s*([A-Za-z]+)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

/** Reads `label op value`; the value may be double-quoted (with `\"` inside). Throws with the reason. */
export function parseMatcher(text: string): Matcher {
  const match = MATCHER.exec(text);
  if (!match) throw new Error(`"${text}" is not a matcher (label, one of = != =~ !~, value)`);
  const [, label = '', operator = '', raw = ''] = match;
  if (!(matchLabels as readonly string[]).includes(label)) {
    throw new Error(`"${label}" is not a label an alert has: ${matchLabels.join(', ')}`);
  }
  const value = unquote(raw);
  if (operator === '=~' || operator === '!~') compile(value);
  return { label: label as MatchLabel, operator: operator as MatchOperator, value };
}

export function formatMatcher(matcher: Matcher): string {
  return `${matcher.label}${matcher.operator}${JSON.stringify(matcher.value)}`;
}

/**
 * Regular expressions are anchored at both ends, as in Alertmanager: `pay` does not match `repay`.
 * On `party`, `=` and `=~` hold when one of the parties matches, `!=` and `!~` when none does.
 */
export function matches(matcher: Matcher, labels: AlertLabels): boolean {
  const actual = labels[matcher.label];
  const values: readonly string[] = typeof actual === 'string' ? [actual] : actual;
  switch (matcher.operator) {
    case '=':
      return values.includes(matcher.value);
    case '!=':
      return !values.includes(matcher.value);
    case '=~':
      return values.some((value) => compile(matcher.value).test(value));
    case '!~':
      return !values.some((value) => compile(matcher.value).test(value));
  }
}

export function matchesAll(matchers: readonly Matcher[], labels: AlertLabels): boolean {
  return matchers.every((matcher) => matches(matcher, labels));
}

const compiled = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex) return regex;
  // `(?i)` is how Alertmanager users write case-insensitive; JavaScript takes it as a flag.
  const insensitive = pattern.startsWith('(?i)');
  const body = insensitive ? pattern.slice(4) : pattern;
  try {
    regex = new RegExp(`^(?:${body})$`, insensitive ? 'iu' : 'u');
  } catch (error) {
    throw new Error(`"${pattern}" is not a valid regular expression: ${(error as Error).message}`);
  }
  if (compiled.size > 1_000) compiled.clear();
  compiled.set(pattern, regex);
  return regex;
}

function unquote(raw: string): string {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new Error(`${raw} is not a valid quoted value`);
    }
  }
  return raw;
}

/**
 * The labels of an alert, from what the reminder carries, the severity derived from it, and what
 * alerting knows of its agreement and obligation (nothing yet: no party, empty `binding`).
 */
export function alertLabelsOf(
  alert: {
    agreementId: string;
    milestoneId: string;
    category: string;
    offset: string;
    title: string;
  },
  severity: string,
  known: { parties: readonly string[]; binding: boolean | null } = { parties: [], binding: null },
): AlertLabels {
  return {
    agreementId: alert.agreementId,
    milestoneId: alert.milestoneId,
    category: alert.category,
    severity,
    offset: alert.offset,
    title: alert.title,
    party: known.parties,
    binding: known.binding === null ? '' : String(known.binding),
  };
}
