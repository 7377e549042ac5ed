import { approximateMs, parseIsoDuration } from '@dealwatch/time';

import type { AlertLabels } from './matcher';
import { ALL_RECEIVERS } from './route-reading';
import { matchingRoutes } from './route-tree';
import type { Route } from './route-tree';

/** As in Alertmanager, when a grouping route does not say. */
export const DEFAULT_GROUP_WAIT = 'PT30S';
export const DEFAULT_GROUP_INTERVAL = 'PT5M';

/** How an alert's notification to one receiver is grouped. */
export interface AlertGrouping {
  /** The route node and the values of its `groupBy` labels: alerts with one key go together. */
  key: string;
  /** How long a new group waits for more before it is sent. */
  waitMs: number;
  /** How long after a group was sent its next alerts wait. */
  intervalMs: number;
}

/**
 * For each receiver an alert goes to through a grouping route (`groupBy` not empty), how it is
 * grouped; receivers only reached through routes that do not group are absent and get it alone.
 */
export function groupingByReceiver(
  route: Route,
  labels: AlertLabels,
  allReceivers: readonly string[],
): Map<string, AlertGrouping> {
  const grouping = new Map<string, AlertGrouping>();
  for (const node of matchingRoutes(route, labels)) {
    if (node.groupBy.length === 0) continue;
    const values = node.groupBy.map((label) => `${label}=${JSON.stringify(labels[label])}`);
    const group: AlertGrouping = {
      key: `${node.path}{${values.join(',')}}`,
      waitMs: approximateMs(parseIsoDuration(node.groupWait ?? DEFAULT_GROUP_WAIT)),
      intervalMs: approximateMs(parseIsoDuration(node.groupInterval ?? DEFAULT_GROUP_INTERVAL)),
    };
    const names = node.receivers.includes(ALL_RECEIVERS) ? allReceivers : node.receivers;
    for (const name of names) {
      if (allReceivers.includes(name) && !grouping.has(name)) grouping.set(name, group);
    }
  }
  return grouping;
}

/**
 * When an alert joining a group is sent: with the group's notification still waiting, then; after
 * the group was last sent, an interval after that; for a new group, after the wait.
 */
export function groupDueAt(
  group: Pick<AlertGrouping, 'waitMs' | 'intervalMs'>,
  state: { waitingUntil: Date | null; lastSentAt: Date | null },
  now: Date,
): Date {
  if (state.waitingUntil) return state.waitingUntil;
  if (state.lastSentAt) {
    return new Date(Math.max(now.getTime(), state.lastSentAt.getTime() + group.intervalMs));
  }
  return new Date(now.getTime() + group.waitMs);
}
