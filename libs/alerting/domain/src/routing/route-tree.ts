import { approximateMs, tryParseIsoDuration } from '@dealwatch/time';

import { formatMatcher, matchesAll, parseMatcher } from './matcher';
import type { AlertLabels, Matcher } from './matcher';

/** Stands for every receiver there is. */
export const ALL_RECEIVERS = '*';

/**
 * A node of the routing tree, as in Alertmanager: an alert enters at the root and descends into the
 * first child whose matchers all hold; a child with `continue` lets the search go on to its
 * siblings. The deepest nodes reached choose the receivers; a node without receivers of its own
 * uses its parent's.
 */
export interface Route {
  matchers: Matcher[];
  /** Null inherits the parent's. */
  receivers: string[] | null;
  continue: boolean;
  /**
   * Escalation levels: who an unacknowledged overdue alert goes to next, one level at a time. Null
   * inherits the parent's; `[]` turns escalation off below this node.
   */
  escalateTo?: string[][] | null;
  /** ISO 8601 duration between levels; null inherits the parent's, or ALERT_ESCALATE_AFTER. */
  escalateAfter?: string | null;
  routes: Route[];
}

/** Where and when an alert escalates: the levels in order, and the time between them. */
export interface EscalationPolicy {
  levels: string[][];
  /** Null: the service's default. */
  after: string | null;
}

/** With nothing configured, every alert goes to every receiver. */
export const defaultRoute: Route = {
  matchers: [],
  receivers: [ALL_RECEIVERS],
  continue: false,
  routes: [],
};

export type ParsedRoute = { route: Route; errors: [] } | { route: null; errors: string[] };

const MAX_DEPTH = 10;
const NODE_KEYS = new Set([
  'matchers',
  'receivers',
  'continue',
  'escalateTo',
  'escalateAfter',
  'routes',
]);

/**
 * Reads and checks a tree given as plain data (from JSON or YAML): `{ receivers, routes: [{ matchers:
 * ['severity="critical"'], receivers: ['ops'], continue: true, routes: [...] }] }`. The root matches
 * every alert, so it has no matchers, and it must name receivers. Every problem is reported, each
 * with its path.
 */
export function parseRoute(input: unknown): ParsedRoute {
  const errors: string[] = [];
  const route = readNode(input, 'route', 0, errors);
  if (route) {
    if (route.matchers.length > 0) errors.push('route: the root matches every alert: no matchers');
    if (route.receivers === null) errors.push('route.receivers: the root must name receivers');
  }
  return route && errors.length === 0 ? { route, errors: [] } : { route: null, errors };
}

/** The plain form of a tree, as `parseRoute` reads it and the API shows it. */
export function routeToPlain(route: Route): Record<string, unknown> {
  return {
    matchers: route.matchers.map(formatMatcher),
    ...(route.receivers === null ? {} : { receivers: route.receivers }),
    continue: route.continue,
    ...(route.escalateTo == null ? {} : { escalateTo: route.escalateTo }),
    ...(route.escalateAfter == null ? {} : { escalateAfter: route.escalateAfter }),
    routes: route.routes.map(routeToPlain),
  };
}

/** Every receiver name the tree mentions, `*` excepted. */
export function receiversNamedIn(route: Route): string[] {
  const names = new Set(
    [...(route.receivers ?? []), ...(route.escalateTo ?? []).flat()].filter(
      (name) => name !== ALL_RECEIVERS,
    ),
  );
  for (const child of route.routes) for (const name of receiversNamedIn(child)) names.add(name);
  return [...names];
}

/**
 * The receivers an alert goes to: the union, in order of the tree, of the receivers of the deepest
 * matching nodes; `*` is expanded to `allReceivers`. Names not in `allReceivers` are dropped.
 */
export function routeAlert(
  route: Route,
  labels: AlertLabels,
  allReceivers: readonly string[],
): string[] {
  const chosen = new Set<string>();
  for (const node of matchingNodes(route, labels, rootSettings(route))) {
    for (const name of node.receivers) {
      if (name === ALL_RECEIVERS) for (const each of allReceivers) chosen.add(each);
      else if (allReceivers.includes(name)) chosen.add(name);
    }
  }
  return [...chosen];
}

/**
 * How an alert escalates: the policy of the first of its deepest matching nodes that has levels
 * (its own or inherited); null when none has.
 */
export function escalationPolicyOf(route: Route, labels: AlertLabels): EscalationPolicy | null {
  for (const node of matchingNodes(route, labels, rootSettings(route))) {
    if (node.escalateTo.length > 0) return { levels: node.escalateTo, after: node.escalateAfter };
  }
  return null;
}

/** What a node decides once inheritance is applied. */
interface Settings {
  receivers: string[];
  escalateTo: string[][];
  escalateAfter: string | null;
}

function rootSettings(route: Route): Settings {
  return {
    receivers: route.receivers ?? [],
    escalateTo: route.escalateTo ?? [],
    escalateAfter: route.escalateAfter ?? null,
  };
}

function matchingNodes(route: Route, labels: AlertLabels, inherited: Settings): Settings[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const own: Settings = {
    receivers: route.receivers ?? inherited.receivers,
    escalateTo: route.escalateTo ?? inherited.escalateTo,
    escalateAfter: route.escalateAfter ?? inherited.escalateAfter,
  };
  const found: Settings[] = [];
  for (const child of route.routes) {
    const matched = matchingNodes(child, labels, own);
    found.push(...matched);
    if (matched.length > 0 && !child.continue) break;
  }
  return found.length > 0 ? found : [own];
}

function readNode(input: unknown, path: string, depth: number, errors: string[]): Route | null {
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
    escalateAfter: readEscalateAfter(node['escalateAfter'], `${path}.escalateAfter`, errors),
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

function readEscalateAfter(value: unknown, path: string, errors: string[]): string | null {
  if (value === undefined || value === null) return null;
  const duration = typeof value === 'string' ? tryParseIsoDuration(value) : null;
  if (!duration || approximateMs(duration) <= 0) {
    errors.push(`${path}: must be a positive ISO 8601 duration such as PT4H`);
    return null;
  }
  return value as string;
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
