import { Topics } from '@dealwatch/contracts';
import type { MilestoneScheduledV1 } from '@dealwatch/contracts';
import { ManualClock } from '@dealwatch/platform';
import { createTestNamespace, expectEventually } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import { SchedulerTestBed, eventsOf } from '../testing/scheduler-harness';
import type { MilestoneView } from '../testing/scheduler-harness';

const namespace = createTestNamespace('manual');

describe('milestones entered by hand: POST /v1/milestones', () => {
  const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.start(namespace, clock);
  });

  afterAll(() => bed.stop());

  const create = (body: unknown) => bed.api.request<MilestoneView>('POST', '/v1/milestones', body);

  it('answers 201 with the milestone and its reminders, overdue added, for a date in a zone', async () => {
    clock.set(new Date('2026-03-01T00:00:00Z'));
    const agreementId = randomUUID();
    const created = await create({
      title: 'Board approval of the offtake agreement',
      dueDate: '2026-04-15',
      timeZone: 'Europe/Paris',
      agreementId,
      owner: 'ops@example.org',
      reminders: ['P7D', 'PT1H'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Board approval of the offtake agreement',
      agreementId,
      owner: 'ops@example.org',
      status: 'pending',
      dueKind: 'date',
      dueDate: '2026-04-15',
      timeZone: 'Europe/Paris',
      // 09:00 in Paris (CEST, UTC+2).
      dueAt: '2026-04-15T07:00:00.000Z',
      overdueAt: '2026-04-15T22:00:00.000Z',
    });
    expect(created.body.reminders.map((r) => [r.offset, r.fireAt, r.status])).toEqual([
      ['P7D', '2026-04-08T07:00:00.000Z', 'pending'],
      ['PT1H', '2026-04-15T06:00:00.000Z', 'pending'],
      ['overdue', '2026-04-15T22:00:00.000Z', 'pending'],
    ]);
    expect((await bed.api.milestonesOf(agreementId)).map((m) => m.id)).toEqual([created.body.id]);
    const scheduled = await expectEventually(() => {
      const found = eventsOf<MilestoneScheduledV1>(
        bed.recorder,
        namespace,
        Topics.MilestoneScheduledV1,
        agreementId,
      );
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(scheduled).toMatchObject({
      milestoneId: created.body.id,
      dueDate: '2026-04-15',
      reminders: [{ offset: 'P7D' }, { offset: 'PT1H' }, { offset: 'overdue' }],
    });
  });

  it('fires exact offsets before an instant, down to seconds, and overdue at the instant itself', async () => {
    clock.set(new Date('2026-03-01T00:00:00Z'));
    const created = await create({
      title: 'Signing call with the ministry',
      dueAt: '2026-03-01T12:00:00Z',
      reminders: ['PT10S', 'PT0S'],
    });
    expect(created.status).toBe(201);
    const { id } = created.body;
    expect(created.body).toMatchObject({
      agreementId: null,
      dueKind: 'instant',
      dueDate: '2026-03-01',
      dueAt: '2026-03-01T12:00:00.000Z',
      overdueAt: '2026-03-01T12:00:00.000Z',
    });
    expect(created.body.reminders.map((r) => [r.offset, r.fireAt])).toEqual([
      ['PT10S', '2026-03-01T11:59:50.000Z'],
      ['PT0S', '2026-03-01T12:00:00.000Z'],
      ['overdue', '2026-03-01T12:00:00.000Z'],
    ]);

    // A milestone without an agreement is its own subject: the key of its events.
    clock.set(new Date('2026-03-01T11:59:50Z'));
    await expectEventually(() =>
      expect(bed.reminderEvents(id).map((r) => r.offset)).toEqual(['PT10S']),
    );
    clock.set(new Date('2026-03-01T12:00:00Z'));
    await expectEventually(() =>
      expect(bed.reminderEvents(id).map((r) => r.offset)).toEqual(['PT10S', 'PT0S', 'overdue']),
    );
    expect(bed.reminderEvents(id)[0]).toMatchObject({
      agreementId: id,
      milestoneId: id,
      scheduledFor: '2026-03-01T11:59:50.000Z',
      dueDate: '2026-03-01',
      evidence: { text: '', span: null },
    });
    await expectEventually(() =>
      expect(bed.statusEvents(id).map((e) => e.status)).toEqual(['overdue']),
    );
  });

  it('uses the service offsets when none are given, and the default zone', async () => {
    clock.set(new Date('2026-03-01T00:00:00Z'));
    const created = await create({ title: 'Annual report', dueDate: '2026-12-31' });
    expect(created.status).toBe(201);
    expect(created.body.timeZone).toBe('UTC');
    expect(created.body.reminders.map((r) => r.offset)).toEqual([
      'P30D',
      'P7D',
      'P1D',
      'PT0S',
      'overdue',
    ]);
    expect((await bed.api.milestone(created.body.id)).history).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'pending', toDueDate: '2026-12-31' }),
    ]);
  });

  it.each([
    ['both dueAt and dueDate', { dueDate: '2026-04-01', dueAt: '2026-04-01T00:00:00Z' }],
    ['neither dueAt nor dueDate', {}],
    ['an instant without an offset', { dueAt: '2026-04-01T12:00:00' }],
    ['an impossible date', { dueDate: '2026-02-29' }],
    ['an unknown time zone', { dueDate: '2026-04-01', timeZone: 'Europe/Atlantis' }],
    [
      'an offset that is not an ISO 8601 duration',
      { dueDate: '2026-04-01', reminders: ['7 days'] },
    ],
    ['the same offset twice', { dueDate: '2026-04-01', reminders: ['P1D', 'P1D'] }],
    ['a malformed agreement id', { dueDate: '2026-04-01', agreementId: 'deal-42' }],
    ['an empty title', { dueDate: '2026-04-01', title: '   ' }],
    ['an unknown field', { dueDate: '2026-04-01', priority: 'high' }],
  ])('answers 400 to %s', async (_, fields) => {
    const response = await create({ title: 'Something due', ...fields });
    expect(response.status).toBe(400);
  });
});
