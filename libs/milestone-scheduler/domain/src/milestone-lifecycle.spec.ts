import {
  checkClose,
  checkReschedule,
  checkReview,
  statusAt,
  timeDrivenStatus,
} from './milestone-lifecycle';
import type { MilestoneStatus } from './milestone-lifecycle';

const times = {
  dueAt: new Date('2026-04-28T09:00:00Z'),
  overdueAt: new Date('2026-04-29T00:00:00Z'),
};
const at = (text: string) => new Date(text);

describe('closing a milestone', () => {
  it.each<MilestoneStatus>(['tracked', 'pending', 'due', 'overdue'])(
    'is allowed from %s',
    (status) => {
      expect(checkClose(status, 'complete')).toEqual({ allowed: true });
    },
  );

  it.each<MilestoneStatus>(['met', 'waived', 'cancelled'])('is final once %s', (status) => {
    expect(checkClose(status, 'complete')).toEqual({
      allowed: false,
      reason: `cannot complete a milestone that is ${status}`,
    });
  });
});

describe('rescheduling a milestone', () => {
  it('is allowed while it is open or tracked and refused once closed', () => {
    expect(checkReschedule('tracked').allowed).toBe(true);
    expect(checkReschedule('overdue').allowed).toBe(true);
    expect(checkReschedule('waived')).toEqual({
      allowed: false,
      reason: 'cannot reschedule a milestone that is waived',
    });
  });
});

describe('applying a review of the extracted obligation', () => {
  it('corrects or dismisses a milestone that is not closed', () => {
    expect(checkReview('tracked', 'corrected').allowed).toBe(true);
    expect(checkReview('overdue', 'dismissed').allowed).toBe(true);
  });

  it('records a confirmation whatever the status', () => {
    expect(checkReview('met', 'confirmed').allowed).toBe(true);
  });

  it('leaves a closed milestone closed, saying why', () => {
    expect(checkReview('met', 'corrected')).toEqual({
      allowed: false,
      reason: 'cannot correct a milestone that is met',
    });
    expect(checkReview('cancelled', 'dismissed')).toEqual({
      allowed: false,
      reason: 'cannot dismiss a milestone that is cancelled',
    });
  });
});

describe('time-driven status', () => {
  it('is pending before the due time, due until the day ends, then overdue', () => {
    expect(statusAt(times, at('2026-04-28T08:59:59Z'))).toBe('pending');
    expect(statusAt(times, at('2026-04-28T09:00:00Z'))).toBe('due');
    expect(statusAt(times, at('2026-04-29T00:00:00Z'))).toBe('overdue');
  });

  it('moves forward only', () => {
    expect(timeDrivenStatus('pending', times, at('2026-04-28T10:00:00Z'))).toBe('due');
    expect(timeDrivenStatus('due', times, at('2026-04-28T10:00:00Z'))).toBeNull();
    expect(timeDrivenStatus('overdue', times, at('2026-04-28T10:00:00Z'))).toBeNull();
  });

  it('goes straight to overdue when both times passed while nobody looked', () => {
    expect(timeDrivenStatus('pending', times, at('2026-05-10T00:00:00Z'))).toBe('overdue');
  });

  it('leaves tracked and closed milestones alone', () => {
    expect(timeDrivenStatus('tracked', times, at('2026-05-10T00:00:00Z'))).toBeNull();
    expect(timeDrivenStatus('met', times, at('2026-05-10T00:00:00Z'))).toBeNull();
  });
});
