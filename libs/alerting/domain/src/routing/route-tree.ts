import type { DigestSchedule } from '../digest/digest-schedule';
import { formatMatcher, matchesAll } from './matcher';
import type { AlertLabels, MatchLabel, Matcher } from './matcher';
import { ALL_RECEIVERS, readNode } from './route-reading';

export { ALL_RECEIVERS } from './route-reading';

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
  /**
   * Alerts with the same values of these labels, fired close together, go to a receiver as one
   * notification. Null inherits the parent's; `[]` stops grouping below this node.
   */
  groupBy?: MatchLabel[] | null;
  /** How long (ISO 8601) a new group waits for more alerts before it is sent. Null inherits. */
  groupWait?: string | null;
  /** How long (ISO 8601) after a group was sent its next alerts wait. Null inherits. */
  groupInterval?: string | null;
  /**
   * Alerts through this node reach their receivers in a daily digest instead of one by one. Null
   * inherits the parent's; `false` sends them one by one below this node.
   */
  digest?: DigestSchedule | false | null;
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
    ...(route.groupBy == null ? {} : { groupBy: route.groupBy }),
    ...(route.groupWait == null ? {} : { groupWait: route.groupWait }),
    ...(route.groupInterval == null ? {} : { groupInterval: route.groupInterval }),
    ...(route.digest == null ? {} : { digest: route.digest }),
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
  for (const node of matchingRoutes(route, labels)) {
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
  for (const node of matchingRoutes(route, labels)) {
    if (node.escalateTo.length > 0) return { levels: node.escalateTo, after: node.escalateAfter };
  }
  return null;
}

/** What a node decides once inheritance is applied. */
export interface RouteSettings {
  /** Where the node is in the tree, e.g. `route.routes[0]`: it names its groups. */
  path: string;
  receivers: string[];
  escalateTo: string[][];
  escalateAfter: string | null;
  groupBy: MatchLabel[];
  groupWait: string | null;
  groupInterval: string | null;
  /** Null: alerts through this node go one by one. */
  digest: DigestSchedule | null;
}

function rootSettings(route: Route): RouteSettings {
  return {
    path: 'route',
    receivers: route.receivers ?? [],
    escalateTo: route.escalateTo ?? [],
    escalateAfter: route.escalateAfter ?? null,
    groupBy: route.groupBy ?? [],
    groupWait: route.groupWait ?? null,
    groupInterval: route.groupInterval ?? null,
    digest: route.digest || null,
  };
}

/** The deepest matching nodes, in the order of the tree, with what each inherits applied. */
export function matchingRoutes(route: Route, labels: AlertLabels): RouteSettings[] {
  return matchingNodes(route, labels, rootSettings(route), 'route');
}

function matchingNodes(
  route: Route,
  labels: AlertLabels,
  inherited: RouteSettings,
  path: string,
): RouteSettings[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const own = settingsOf(route, inherited, path);
  const found: RouteSettings[] = [];
  for (const [index, child] of route.routes.entries()) {
    const matched = matchingNodes(child, labels, own, `${path}.routes[${index}]`);
    found.push(...matched);
    if (matched.length > 0 && !child.continue) break;
  }
  return found.length > 0 ? found : [own];
}

/** Every node of the tree, in tree order, with what it inherits applied, whatever it matches. */
export function everyNode(route: Route): RouteSettings[] {
  const walk = (node: Route, settings: RouteSettings): RouteSettings[] => [
    settings,
    ...node.routes.flatMap((child, index) =>
      walk(child, settingsOf(child, settings, `${settings.path}.routes[${index}]`)),
    ),
  ];
  return walk(route, rootSettings(route));
}

function settingsOf(route: Route, inherited: RouteSettings, path: string): RouteSettings {
  return {
    path,
    receivers: route.receivers ?? inherited.receivers,
    escalateTo: route.escalateTo ?? inherited.escalateTo,
    escalateAfter: route.escalateAfter ?? inherited.escalateAfter,
    groupBy: route.groupBy ?? inherited.groupBy,
    groupWait: route.groupWait ?? inherited.groupWait,
    groupInterval: route.groupInterval ?? inherited.groupInterval,
    digest: route.digest === false ? null : (route.digest ?? inherited.digest),
  };
}
