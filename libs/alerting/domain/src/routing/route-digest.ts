import type { DigestSchedule } from '../digest/digest-schedule';
import type { AlertLabels } from './matcher';
import { ALL_RECEIVERS } from './route-reading';
import { everyNode, matchingRoutes } from './route-tree';
import type { Route } from './route-tree';

/**
 * When each receiver's daily digest goes: its own schedule, else the first one a node of the tree
 * gives it (in tree order). One schedule per receiver, so it gets one digest a day.
 */
export function digestSchedules(
  route: Route,
  receivers: readonly { name: string; digestSchedule: DigestSchedule | null }[],
): Map<string, DigestSchedule> {
  const schedules = new Map<string, DigestSchedule>();
  for (const receiver of receivers) {
    if (receiver.digestSchedule) schedules.set(receiver.name, receiver.digestSchedule);
  }
  const names = receivers.map((receiver) => receiver.name);
  for (const node of everyNode(route)) {
    if (!node.digest) continue;
    for (const name of node.receivers.includes(ALL_RECEIVERS) ? names : node.receivers) {
      if (names.includes(name) && !schedules.has(name)) schedules.set(name, node.digest);
    }
  }
  return schedules;
}

/**
 * The receivers of `chosen` that get this alert in their digest: those in digest mode themselves,
 * and those a matching node in digest mode sends it to.
 */
export function digestedReceivers(
  route: Route,
  labels: AlertLabels,
  chosen: readonly { name: string; digestSchedule: DigestSchedule | null }[],
): Set<string> {
  const digested = new Set(
    chosen.filter((receiver) => receiver.digestSchedule).map((receiver) => receiver.name),
  );
  const names = chosen.map((receiver) => receiver.name);
  for (const node of matchingRoutes(route, labels)) {
    if (!node.digest) continue;
    for (const name of node.receivers.includes(ALL_RECEIVERS) ? names : node.receivers) {
      if (names.includes(name)) digested.add(name);
    }
  }
  return digested;
}
