import { ManualClock } from '@dealwatch/platform';
import {
  TopicRecorder,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import {
  recordedTopics,
  reminderEvents,
  startScheduler,
  statusEvents,
} from '../testing/scheduler-harness';
import type { MilestoneView, RunningScheduler } from '../testing/scheduler-harness';

const namespace = createTestNamespace('firing');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');

describe('firing reminders: DST, catch-up after downtime, several instances', () => {
  const clock = new ManualClock(new Date('2026-02-01T00:00:00Z'));
  let recorder: TopicRecorder;
  const running: RunningScheduler[] = [];

  async function start(): Promise<RunningScheduler> {
    const scheduler = await startScheduler(namespace, clock);
    running.push(scheduler);
    return scheduler;
  }

  async function stop(scheduler: RunningScheduler): Promise<void> {
    running.splice(running.indexOf(scheduler), 1);
    await scheduler.app.close();
  }

  async function create(scheduler: RunningScheduler, body: Record<string, unknown>) {
    const response = await scheduler.api.request<MilestoneView>('POST', '/v1/milestones', {
      title: 'A milestone',
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    recorder = await new TopicRecorder(brokers).start(recordedTopics(namespace));
  });

  afterAll(async () => {
    await recorder.stop();
    for (const scheduler of [...running]) await stop(scheduler);
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('fires at 09:00 New York time on both sides of the March DST change', async () => {
    clock.set(new Date('2026-02-01T00:00:00Z'));
    const scheduler = await start();
    const agreementId = randomUUID();
    // Clocks go forward at 02:00 on Sunday 8 March 2026: EST (UTC-5) before, EDT (UTC-4) after.
    const milestone = await create(scheduler, {
      agreementId,
      dueDate: '2026-03-08',
      timeZone: 'America/New_York',
      reminders: ['P1D', 'PT0S'],
    });
    expect(milestone.reminders.map((r) => [r.offset, r.fireAt])).toEqual([
      ['P1D', '2026-03-07T14:00:00.000Z'],
      ['PT0S', '2026-03-08T13:00:00.000Z'],
      // Midnight EDT: the due day was 23 hours long.
      ['overdue', '2026-03-09T04:00:00.000Z'],
    ]);

    const firedBy = async (instant: string, count: number) => {
      clock.set(new Date(instant));
      return expectEventually(() => {
        const found = reminderEvents(recorder, namespace, agreementId);
        expect(found).toHaveLength(count);
        return found;
      });
    };
    // A second before each time nothing more goes out; at the time, it does.
    await firedBy('2026-03-07T13:59:59Z', 0);
    await firedBy('2026-03-07T14:00:00Z', 1);
    await firedBy('2026-03-08T12:59:59Z', 1);
    await firedBy('2026-03-08T13:00:00Z', 2);
    await firedBy('2026-03-09T03:59:59Z', 2);
    const fired = await firedBy('2026-03-09T04:00:00Z', 3);
    expect(fired.map((r) => [r.offset, r.scheduledFor, r.late])).toEqual([
      ['P1D', '2026-03-07T14:00:00.000Z', false],
      ['PT0S', '2026-03-08T13:00:00.000Z', false],
      ['overdue', '2026-03-09T04:00:00.000Z', false],
    ]);
    await expectEventually(() =>
      expect(statusEvents(recorder, namespace, agreementId).map((e) => e.status)).toEqual([
        'due',
        'overdue',
      ]),
    );
    await stop(scheduler);
  });

  it('fires what came due while it was down at once on start, marked late, in due-time order', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const first = await start();
    const agreementId = randomUUID();
    await create(first, { agreementId, dueAt: '2026-04-03T12:00:00Z', reminders: ['P1D', 'PT1H'] });
    await create(first, { agreementId, dueDate: '2026-04-02', reminders: ['PT0S'] });
    await create(first, { agreementId, dueDate: '2026-04-20', reminders: ['P7D'] });
    await stop(first);

    // Down for four days.
    clock.set(new Date('2026-04-05T00:00:00Z'));
    const second = await start();
    const fired = await expectEventually(() => {
      const found = reminderEvents(recorder, namespace, agreementId);
      expect(found).toHaveLength(5);
      return found;
    });
    expect(fired.map((r) => [r.offset, r.scheduledFor])).toEqual([
      ['PT0S', '2026-04-02T09:00:00.000Z'],
      ['P1D', '2026-04-02T12:00:00.000Z'],
      ['overdue', '2026-04-03T00:00:00.000Z'],
      ['PT1H', '2026-04-03T11:00:00.000Z'],
      ['overdue', '2026-04-03T12:00:00.000Z'],
    ]);
    expect(fired.every((r) => r.late && r.firedAt === '2026-04-05T00:00:00.000Z')).toBe(true);
    // Both past milestones went straight to overdue; the April 20 one waits.
    await expectEventually(() =>
      expect(
        statusEvents(recorder, namespace, agreementId).map(
          (e) => e.previousStatus + '>' + e.status,
        ),
      ).toEqual(['pending>overdue', 'pending>overdue']),
    );
    await stop(second);
  });

  it('shares the work between two instances on one schema and fires each reminder exactly once', async () => {
    clock.set(new Date('2026-05-01T00:00:00Z'));
    const [a, b] = [await start(), await start()];
    const agreementId = randomUUID();
    const offsets = Array.from({ length: 19 }, (_, i) => `PT${i + 1}M`);
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        create(i % 2 ? a : b, { agreementId, dueAt: '2026-05-02T12:00:00Z', reminders: offsets }),
      ),
    );
    const reminderIds = created.flatMap((m) => m.reminders.map((r) => r.id));
    expect(reminderIds).toHaveLength(800);

    clock.set(new Date('2026-05-02T12:00:00Z'));
    const fired = await expectEventually(
      () => {
        const found = reminderEvents(recorder, namespace, agreementId);
        expect(found.length).toBeGreaterThanOrEqual(800);
        return found;
      },
      { timeoutMs: 30_000 },
    );
    // Give a double fire, were there one, time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const perReminder = new Map<string, number>();
    for (const { reminderId } of reminderEvents(recorder, namespace, agreementId))
      perReminder.set(reminderId, (perReminder.get(reminderId) ?? 0) + 1);
    expect(fired.length).toBe(800);
    expect([...perReminder.keys()].sort()).toEqual([...reminderIds].sort());
    expect([...perReminder.values()].every((count) => count === 1)).toBe(true);
    expect(statusEvents(recorder, namespace, agreementId)).toHaveLength(40);
    await stop(a);
    await stop(b);
  });
});
