import { REMINDER_TIME_OF_DAY, parseReminderPolicies } from '@dealwatch/milestone-scheduler/domain';
import type { PoliciesResult } from '@dealwatch/milestone-scheduler/domain';

import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * `REMINDER_POLICIES`: JSON in the variable itself, or the path of a JSON or YAML file. Unset, the
 * only policy is `default`, firing `REMINDER_OFFSETS` at 09:00 on any day.
 */
export function readReminderPolicies(
  source: string | undefined,
  offsets: readonly string[],
): PoliciesResult {
  const fallback = {
    offsets: [...offsets],
    timeOfDay: REMINDER_TIME_OF_DAY,
    skipWeekends: false,
    holidays: null,
  };
  if (!source) return { ok: true, policies: { default: fallback } };
  const inline = source.trimStart().startsWith('{');
  let text: string;
  try {
    text = inline ? source : readFileSync(source, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`cannot read ${source}: ${messageOf(error)}`] };
  }
  try {
    const value: unknown = !inline && /\.ya?ml$/i.test(source) ? parseYaml(text) : JSON.parse(text);
    return parseReminderPolicies(value, fallback);
  } catch (error) {
    return { ok: false, errors: [`not valid ${inline ? 'JSON' : source}: ${messageOf(error)}`] };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
