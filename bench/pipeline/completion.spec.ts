import type { RecordedMessage } from '@dealwatch/testing';

import { CompletionTracker } from './completion';

const topics = {
  ingested: 'ingested',
  extracted: 'extracted',
  scheduled: 'scheduled',
  reminder: 'reminder',
};
const agreement = 'agreement-1';

function message(topic: string, at: number, value: object = {}): RecordedMessage {
  return {
    topic,
    key: agreement,
    headers: {},
    value: JSON.stringify(value),
    timestamp: at,
    receivedAt: at + 5,
  };
}

const extracted = (at: number, dueDates: (string | null)[]) =>
  message(topics.extracted, at, {
    obligations: dueDates.map((dueDate) => ({ deadline: dueDate ? { dueDate } : null })),
  });

const scheduled = (at: number, reminders: { id: string; fireAt: number; status: string }[]) =>
  message(topics.scheduled, at, {
    reminders: reminders.map(({ id, fireAt, status }) => ({
      reminderId: id,
      fireAt: new Date(fireAt).toISOString(),
      status,
    })),
  });

const reminder = (at: number, id: string) => message(topics.reminder, at, { reminderId: id });

describe('CompletionTracker', () => {
  let tracker: CompletionTracker;

  beforeEach(() => {
    tracker = new CompletionTracker(topics, new Set([agreement]));
  });

  it('waits for every dated obligation to have its milestone', () => {
    tracker.read([message(topics.ingested, 100), extracted(200, ['2026-01-01', '2026-02-01'])]);
    tracker.read([scheduled(300, [])]);
    expect(tracker.done.has(agreement)).toBe(false);

    tracker.read([scheduled(320, [])]);
    expect(tracker.done.get(agreement)).toEqual({
      ingested: 100,
      extracted: 200,
      scheduled: 320,
      reminded: null,
      finishedAt: 325,
    });
  });

  it('is done at the extraction when nothing in the agreement is dated', () => {
    tracker.read([message(topics.ingested, 100), extracted(200, [null])]);
    expect(tracker.done.get(agreement)).toMatchObject({ scheduled: null, finishedAt: 205 });
  });

  it('waits for the reminders already due when the milestone was announced, and only those', () => {
    tracker.read([
      message(topics.ingested, 100),
      extracted(200, ['2025-01-01']),
      scheduled(300, [
        { id: 'overdue', fireAt: 290, status: 'pending' },
        { id: 'passed', fireAt: 250, status: 'skipped' },
        { id: 'later', fireAt: 10_000, status: 'pending' },
      ]),
    ]);
    expect(tracker.done.has(agreement)).toBe(false);

    tracker.read([reminder(450, 'overdue')]);
    expect(tracker.done.get(agreement)).toMatchObject({ reminded: 450, finishedAt: 455 });
  });

  it('counts a reminder read before its milestone event', () => {
    tracker.read([
      message(topics.ingested, 100),
      extracted(200, ['2025-01-01']),
      reminder(310, 'overdue'),
    ]);
    tracker.read([scheduled(300, [{ id: 'overdue', fireAt: 290, status: 'pending' }])]);
    expect(tracker.done.get(agreement)).toMatchObject({
      scheduled: 300,
      reminded: 310,
      finishedAt: 315,
    });
  });

  it('ignores agreements it was not asked to follow', () => {
    tracker = new CompletionTracker(topics, new Set(['another']));
    tracker.read([message(topics.ingested, 100), extracted(200, [null])]);
    expect(tracker.done.size).toBe(0);
  });
});
