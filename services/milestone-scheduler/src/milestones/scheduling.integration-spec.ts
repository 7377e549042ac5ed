import { MAX_EVENT_VALUE_BYTES, Topics } from '@dealwatch/contracts';
import { ManualClock } from '@dealwatch/platform';
import { createTestNamespace, expectEventually } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import { version as uuidVersion } from 'uuid';

import { SchedulerTestBed, extraction, obligation } from '../testing/scheduler-harness';

const namespace = createTestNamespace('scheduler');

describe('milestone scheduler on real Kafka and PostgreSQL, with a controlled clock', () => {
  const clock = new ManualClock(new Date('2026-04-20T00:00:00Z'));
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.start(namespace, clock);
  });

  afterAll(() => bed.stop());

  const publish = (agreementId: string, ...obligations: ReturnType<typeof obligation>[]) =>
    bed.extract(agreementId, obligations);
  const milestonesOf = (agreementId: string) => bed.api.milestonesOf(agreementId);
  const remindersFor = (agreementId: string) => bed.reminderEvents(agreementId);

  it('creates one milestone per dated obligation and skips reminders already past', async () => {
    const agreementId = randomUUID();
    await publish(agreementId, obligation('meeting', '2026-04-28'));

    const [milestone] = await expectEventually(async () => {
      const found = await milestonesOf(agreementId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(milestone).toMatchObject({ dueDate: '2026-04-28', status: 'pending' });
    expect(milestone!.reminders.map((r) => [r.offset, r.status])).toEqual([
      ['P30D', 'skipped'],
      ['P7D', 'pending'],
      ['P1D', 'pending'],
      ['PT0S', 'pending'],
      ['overdue', 'pending'],
    ]);
    // Time-ordered, so the indexes on them grow at their end.
    const madeIds = [milestone!.id, ...milestone!.reminders.map((reminder) => reminder.id)];
    expect(new Set(madeIds.map(uuidVersion))).toEqual(new Set([7]));
    await expectEventually(() =>
      expect(
        bed.recorder
          .on(`${namespace.topicPrefix}${Topics.MilestoneScheduledV1}`)
          .some((m) => m.key === agreementId),
      ).toBe(true),
    );
  });

  it('schedules every obligation of an extraction as large as its topic takes', async () => {
    const agreementId = randomUUID();
    const many = Array.from({ length: 6_000 }, (_, i) =>
      obligation(`lot-${i}`, `2026-${String((i % 12) + 1).padStart(2, '0')}-15`),
    );
    expect(Buffer.byteLength(JSON.stringify(extraction(agreementId, many)))).toBeGreaterThan(
      2 * MAX_EVENT_VALUE_BYTES,
    );
    await publish(agreementId, ...many);
    await expectEventually(
      () =>
        expect(
          bed.recorder
            .on(`${namespace.topicPrefix}${Topics.MilestoneScheduledV1}`)
            .filter((m) => m.key === agreementId),
        ).toHaveLength(6_000),
      { timeoutMs: 60_000 },
    );
  }, 90_000);

  it('fires a reminder when its time comes, with the evidence and the time it was meant for', async () => {
    const agreementId = randomUUID();
    clock.set(new Date('2026-04-20T00:00:00Z'));
    await publish(agreementId, obligation('financing', '2026-04-28'));
    await expectEventually(async () => expect(await milestonesOf(agreementId)).toHaveLength(1));
    expect(remindersFor(agreementId)).toEqual([]);

    clock.set(new Date('2026-04-21T09:00:01Z'));
    const [fired] = await expectEventually(() => {
      const found = remindersFor(agreementId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(fired).toMatchObject({
      agreementId,
      offset: 'P7D',
      dueDate: '2026-04-28',
      scheduledFor: '2026-04-21T09:00:00.000Z',
      late: false,
      evidence: { text: 'The parties will act on financing within 180 days.', span: [10, 60] },
    });
  });

  it('fires overdue at once, marked late, for a milestone created after its due date', async () => {
    const agreementId = randomUUID();
    clock.set(new Date('2026-11-29T12:00:00Z'));
    await publish(agreementId, obligation('stockpiling', '2026-04-26'));
    const [overdue] = await expectEventually(() => {
      const found = remindersFor(agreementId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(overdue).toMatchObject({
      offset: 'overdue',
      late: true,
      scheduledFor: '2026-04-27T00:00:00.000Z',
    });
  });

  it('updates milestones in place on re-extraction, rescheduling a changed due date', async () => {
    const agreementId = randomUUID();
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await publish(agreementId, obligation('review', '2026-06-30'), obligation('mapping', null));
    const first = await expectEventually(async () => {
      const found = await milestonesOf(agreementId);
      expect(found).toHaveLength(2);
      return found;
    });

    await publish(agreementId, obligation('review', '2026-06-30'), obligation('mapping', null));
    await publish(agreementId, obligation('review', '2026-09-30'), obligation('mapping', null));
    const moved = await expectEventually(async () => {
      const found = await milestonesOf(agreementId);
      expect(found[0]?.dueDate).toBe('2026-09-30');
      return found;
    });
    expect(moved.map((m) => m.id)).toEqual(first.map((m) => m.id));
    expect(moved[0]!.reminders.find((r) => r.offset === 'PT0S')?.fireAt).toBe(
      '2026-09-30T09:00:00.000Z',
    );
    // One change besides the creation: the re-extraction that moved the date.
    const history = (await bed.api.milestone(moved[0]!.id)).history!;
    expect(history.map((h) => [h.actor, h.fromDueDate, h.toDueDate])).toEqual([
      ['extraction', null, '2026-06-30'],
      ['extraction', '2026-06-30', '2026-09-30'],
    ]);
  });

  it('rejects a malformed agreementId filter with 400', async () => {
    const response = await bed.api.request('GET', '/v1/milestones?agreementId=nope');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/agreementId/);
  });
});
