import { approximateMs, tryParseIsoDuration } from '@dealwatch/time';

import { digestScheduleProblem } from '../digest/digest-schedule';
import type { DigestSchedule } from '../digest/digest-schedule';
import { matchLabels, parseMatcher } from './matcher';
import type { MatchLabel, Matcher } from './matcher';
import type { Route } from './route-tree';

/** Stands for every receiver there is. */
export const ALL_RECEIVERS = '*';

const MAX_DEPTH = 10;
const NODE_KEYS = new Set([
  'matchers',
  'receivers',
  'continue',
  'escalateTo',
  'escalateAfter',
  'groupBy',
  'groupWait',
  'groupInterval',
  'digest',
  'routes',
]);
const DIGEST_KEYS = new Set(['at', 'timeZone', 'sendEmpty']);

/** Reads one node of a tree given as plain data, adding every problem to `errors` with its path. */
export function readNode(
  input: unknown,
  path: string,
  depth: number,
  errors: string[],
): Route | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.push(`${path}: must be an object`);
    return null;
  }
  if (depth > MAX_DEPTH) {
    errors.push(`${path}: routes nest at most ${MAX_DEPTH} deep`);
    return null;
  }
  const node = input as Record<string, unknown>;
  for (const key of Object.keys(node)) {
    if (!NODE_KEYS.has(key)) errors.push(`${path}.${key}: unknown field`);
  }
  return {
    matchers: readMatchers(node['matchers'], `${path}.matchers`, errors),
    receivers: readReceivers(node['receivers'], `${path}.receivers`, errors),
    continue: readContinue(node['continue'], `${path}.continue`, errors),
    escalateTo: readEscalateTo(node['escalateTo'], `${path}.escalateTo`, errors),
    escalateAfter: readDuration(node['escalateAfter'], `${path}.escalateAfter`, errors),
    groupBy: readGroupBy(node['groupBy'], `${path}.groupBy`, errors),
    groupWait: readDuration(node['groupWait'], `${path}.groupWait`, errors, true),
    groupInterval: readDuration(node['groupInterval'], `${path}.groupInterval`, errors),
    digest: readDigest(node['digest'], `${path}.digest`, errors),
    routes: readChildren(node['routes'], `${path}.routes`, depth, errors),
  };
}

function readMatchers(value: unknown, path: string, errors: string[]): Matcher[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push(`${path}: must be a list of matchers such as 'severity="critical"'`);
    return [];
  }
  return value.flatMap((item, index) => {
    if (typeof item !== 'string') {
      errors.push(`${path}[${index}]: must be a string such as 'severity="critical"'`);
      return [];
    }
    try {
      return [parseMatcher(item)];
    } catch (error) {
      errors.push(`${path}[${index}]: ${(error as Error).message}`);
      return [];
    }
  });
}

function readReceivers(value: unknown, path: string, errors: string[]): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(`${path}: must be a non-empty list of receiver names (or "*")`);
    return null;
  }
  const names = value.filter((item): item is string => typeof item === 'string' && item !== '');
  if (names.length !== value.length) errors.push(`${path}: every receiver must be a name`);
  return names;
}

/** A list of levels, each a receiver name or a list of names sent to together. */
function readEscalateTo(value: unknown, path: string, errors: string[]): string[][] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    errors.push(`${path}: must be a list of levels, each a receiver name or a list of names`);
    return null;
  }
  return value.flatMap((level: unknown, index) => {
    const names = typeof level === 'string' ? [level] : level;
    const valid =
      Array.isArray(names) &&
      names.length > 0 &&
      names.every((name) => typeof name === 'string' && name !== '' && name !== ALL_RECEIVERS);
    if (!valid) {
      errors.push(`${path}[${index}]: must be a receiver name or a non-empty list of names`);
      return [];
    }
    return [names as string[]];
  });
}

function readDuration(
  value: unknown,
  path: string,
  errors: string[],
  zeroAllowed = false,
): string | null {
  if (value === undefined || value === null) return null;
  const duration = typeof value === 'string' ? tryParseIsoDuration(value) : null;
  if (!duration || approximateMs(duration) < (zeroAllowed ? 0 : 1)) {
    errors.push(
      `${path}: must be ${zeroAllowed ? 'an' : 'a positive'} ISO 8601 duration such as PT4H`,
    );
    return null;
  }
  return value as string;
}

function readGroupBy(value: unknown, path: string, errors: string[]): MatchLabel[] | null {
  if (value === undefined || value === null) return null;
  const valid =
    Array.isArray(value) &&
    value.every((label) => (matchLabels as readonly unknown[]).includes(label));
  if (!valid) {
    errors.push(`${path}: must be a list of labels: ${matchLabels.join(', ')}`);
    return null;
  }
  return [...new Set(value as MatchLabel[])];
}

/** `{ at: 'HH:MM', timeZone, sendEmpty? }`, or false to send one by one below this node. */
function readDigest(value: unknown, path: string, errors: string[]): DigestSchedule | false | null {
  if (value === undefined || value === null) return null;
  if (value === false) return false;
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.push(`${path}: must be { at: "08:00", timeZone: "Europe/Berlin" } or false`);
    return null;
  }
  const digest = value as Record<string, unknown>;
  for (const key of Object.keys(digest)) {
    if (!DIGEST_KEYS.has(key)) errors.push(`${path}.${key}: unknown field`);
  }
  const problem = digestScheduleProblem(digest['at'], digest['timeZone']);
  if (problem) errors.push(`${path}: ${problem}`);
  const sendEmpty = digest['sendEmpty'] ?? false;
  if (typeof sendEmpty !== 'boolean') errors.push(`${path}.sendEmpty: must be true or false`);
  if (problem || typeof sendEmpty !== 'boolean') return null;
  return { at: digest['at'] as string, timeZone: digest['timeZone'] as string, sendEmpty };
}

function readContinue(value: unknown, path: string, errors: string[]): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') errors.push(`${path}: must be true or false`);
  return value === true;
}

function readChildren(value: unknown, path: string, depth: number, errors: string[]): Route[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push(`${path}: must be a list of routes`);
    return [];
  }
  return value.flatMap((child, index) => {
    const route = readNode(child, `${path}[${index}]`, depth + 1, errors);
    return route ? [route] : [];
  });
}
