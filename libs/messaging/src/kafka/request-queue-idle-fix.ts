import { patchKafkajs } from './kafkajs-patch';

/**
 * kafkajs 2.2.4 re-arms a zero-delay timer on every broker connection whenever nothing is pending
 * and nothing is throttled (tulios/kafkajs#1556, #1704; the fixes are unmerged). Each idle
 * connection then wakes the event loop about once a millisecond: measured here, some 5% of a core
 * per idle service. Without a pending request there is nothing to check until one arrives, and an
 * arriving request schedules its own check; a throttle still schedules the check at its end.
 */
interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

export function scheduleCheckPendingRequests(this: RequestQueue): void {
  if (this.throttleCheckTimeoutId) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  if (this.pending.length === 0 && untilUnthrottled <= 0) return;
  const delay = untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delay);
}

/** Installs the fix once per process, on the kafkajs this module resolves. */
export function fixKafkaIdleRequestLoop(): void {
  patchKafkajs(
    'network/requestQueue',
    'requestQueueIdleFix',
    (queue: { prototype: RequestQueue }) => {
      queue.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
    },
  );
}
