import { isIsoDuration } from '@dealwatch/time';

import { isKnownJurisdiction } from './business-days';

/** The policy a milestone follows when it names none. */
export const DEFAULT_POLICY = 'default';
export const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** When a milestone's reminders fire: offsets before the due time and the days they avoid. */
export interface ReminderPolicy {
  /** ISO 8601 durations before the due time; overdue is always added. */
  offsets: string[];
  /** Wall-clock `HH:MM` at which a calendar due date is due and its day offsets fire. */
  timeOfDay: string;
  /** Move a reminder falling on a Saturday or Sunday to the Friday before. */
  skipWeekends: boolean;
  /**
   * Move a reminder falling on a public holiday to the business day before. The country code is the
   * jurisdiction of milestones that name none; null leaves holidays alone.
   */
  holidays: string | null;
}

export type ReminderPolicies = Readonly<Record<string, ReminderPolicy>>;

export type PoliciesResult =
  { ok: true; policies: ReminderPolicies } | { ok: false; errors: string[] };

/**
 * Named policies from configuration (already parsed from JSON or YAML), every error listed at once.
 * A missing `default` policy is `fallback`, so the service runs without any policy configured.
 */
export function parseReminderPolicies(value: unknown, fallback: ReminderPolicy): PoliciesResult {
  if (!isRecord(value)) return { ok: false, errors: ['must be an object of named policies'] };
  const errors: string[] = [];
  const policies: Record<string, ReminderPolicy> = { [DEFAULT_POLICY]: fallback };
  for (const [name, raw] of Object.entries(value)) {
    const policy = parsePolicy(name, raw, fallback, errors);
    if (policy) policies[name] = policy;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policies };
}

function parsePolicy(
  name: string,
  raw: unknown,
  fallback: ReminderPolicy,
  errors: string[],
): ReminderPolicy | null {
  const before = errors.length;
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(name))
    errors.push(`policy name "${name}" must be 1-50 letters, digits, "-" or "_"`);
  if (!isRecord(raw)) {
    errors.push(`${name}: must be an object`);
    return null;
  }
  const known = new Set(['offsets', 'timeOfDay', 'skipWeekends', 'holidays']);
  for (const key of Object.keys(raw))
    if (!known.has(key)) errors.push(`${name}.${key}: unknown setting`);
  const { offsets = fallback.offsets, timeOfDay = fallback.timeOfDay } = raw;
  const { skipWeekends = false, holidays = null } = raw;
  if (!Array.isArray(offsets) || !offsets.every((o) => typeof o === 'string' && isIsoDuration(o)))
    errors.push(`${name}.offsets: must be a list of ISO 8601 durations, e.g. ["P7D","PT0S"]`);
  if (typeof timeOfDay !== 'string' || !TIME_OF_DAY.test(timeOfDay))
    errors.push(`${name}.timeOfDay: must be HH:MM, e.g. "09:00"`);
  if (typeof skipWeekends !== 'boolean') errors.push(`${name}.skipWeekends: must be true or false`);
  if (holidays !== null && (typeof holidays !== 'string' || !isKnownJurisdiction(holidays)))
    errors.push(`${name}.holidays: must be a country code the holiday data knows, e.g. "US"`);
  if (errors.length > before) return null;
  return {
    offsets: [...(offsets as string[])],
    timeOfDay: timeOfDay as string,
    skipWeekends: skipWeekends as boolean,
    holidays: holidays as string | null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
