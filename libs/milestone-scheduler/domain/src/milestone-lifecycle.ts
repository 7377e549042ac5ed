import type { MilestoneStatus, ReviewVerdict } from '@dealwatch/contracts';

export type { MilestoneStatus, ReviewVerdict };

/** What a person can do to end a milestone, and the status each leads to. */
export const closingStatuses = { complete: 'met', waive: 'waived', cancel: 'cancelled' } as const;
export type CloseAction = keyof typeof closingStatuses;
export type ClosedStatus = (typeof closingStatuses)[CloseAction];

/** Dated and still running: time moves these on, and they have reminders to fire. */
export const openStatuses = ['pending', 'due', 'overdue'] as const;
export type OpenStatus = (typeof openStatuses)[number];

export function isClosed(status: MilestoneStatus): status is ClosedStatus {
  return status === 'met' || status === 'waived' || status === 'cancelled';
}

export function isOpen(status: MilestoneStatus): status is OpenStatus {
  return (openStatuses as readonly string[]).includes(status);
}

export type TransitionCheck = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a person may close a milestone: any milestone not already closed can be met, waived or
 * cancelled, a tracked commitment without a date included. Closed is final.
 */
export function checkClose(status: MilestoneStatus, action: CloseAction): TransitionCheck {
  if (isClosed(status))
    return { allowed: false, reason: `cannot ${action} a milestone that is ${status}` };
  return { allowed: true };
}

/** Whether a milestone may get a new due date: any that is not closed (a tracked one gets its first). */
export function checkReschedule(status: MilestoneStatus): TransitionCheck {
  if (isClosed(status))
    return { allowed: false, reason: `cannot reschedule a milestone that is ${status}` };
  return { allowed: true };
}

/**
 * Whether a person's review of the extracted obligation can apply to its milestone: a confirmation
 * always can (it only leaves a record), but a closed milestone is final, so it cannot be corrected
 * or dismissed.
 */
export function checkReview(status: MilestoneStatus, verdict: ReviewVerdict): TransitionCheck {
  if (verdict === 'confirmed' || !isClosed(status)) return { allowed: true };
  const action = verdict === 'corrected' ? 'correct' : 'dismiss';
  return { allowed: false, reason: `cannot ${action} a milestone that is ${status}` };
}

/** The status time alone gives a dated milestone at `now`. */
export function statusAt(times: { dueAt: Date; overdueAt: Date }, now: Date): OpenStatus {
  if (now >= times.overdueAt) return 'overdue';
  if (now >= times.dueAt) return 'due';
  return 'pending';
}

/**
 * Where time moves an open milestone at `now`, or null when it stays. Time only moves forward
 * (pending -> due -> overdue, or straight to overdue after downtime); a reschedule moves back.
 */
export function timeDrivenStatus(
  status: MilestoneStatus,
  times: { dueAt: Date; overdueAt: Date },
  now: Date,
): OpenStatus | null {
  if (!isOpen(status)) return null;
  const target = statusAt(times, now);
  return openStatuses.indexOf(target) > openStatuses.indexOf(status) ? target : null;
}

const MANUAL_KEY_PREFIX = 'manual:';

/** The obligation key of a milestone entered by hand: its own, never one an extraction names. */
export function manualObligationKey(milestoneId: string): string {
  return `${MANUAL_KEY_PREFIX}${milestoneId}`;
}

/** Whether a milestone came from an extraction's obligation rather than from a person. */
export function isExtractedObligation(obligationKey: string): boolean {
  return !obligationKey.startsWith(MANUAL_KEY_PREFIX);
}
