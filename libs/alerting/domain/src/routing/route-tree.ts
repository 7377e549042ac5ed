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
  routes: Route[];
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
const NODE_KEYS = new Set(['matchers', 'receivers', 'continue', 'routes']);

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
    routes: route.routes.map(routeToPlain),
  };
}

/** Every receiver name the tree mentions, `*` excepted. */
export function receiversNamedIn(route: Route): string[] {
  const names = new Set((route.receivers ?? []).filter((name) => name !== ALL_RECEIVERS));
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
  for (const names of matchingReceivers(route, labels, route.receivers ?? [])) {
    for (const name of names) {
      if (name === ALL_RECEIVERS) for (const each of allReceivers) chosen.add(each);
      else if (allReceivers.includes(name)) chosen.add(name);
    }
  }
  return [...chosen];
}

function matchingReceivers(route: Route, labels: AlertLabels, inherited: string[]): string[][] {
  if (!matchesAll(route.matchers, labels)) return [];
  const own = route.receivers ?? inherited;
  const found: string[][] = [];
  for (const child of route.routes) {
    const matched = matchingReceivers(child, labels, own);
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
