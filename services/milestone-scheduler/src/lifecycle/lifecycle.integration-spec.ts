import { ManualClock } from '@dealwatch/platform';
import { createTestNamespace, expectEventually } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import { SchedulerTestBed, obligation } from '../testing/scheduler-harness';
import type { MilestoneView } from '../testing/scheduler-harness';

const namespace = createTestNamespace('lifecycle');

describe('milestone lifecycle: time, people and re-extraction, each change an event and an audit row', () => {
  const clock = new ManualClock(new Date('2026-04-01T00:00:00Z'));
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.start(namespace, clock);
  });

  afterAll(() => bed.stop());

  /** Publishes an extraction and waits until the scheduler holds `count` milestones for it. */
  async function extract(
    agreementId: string,
    count: number,
    ...obligations: ReturnType<typeof obligation>[]
  ): Promise<MilestoneView[]> {
    await bed.extract(agreementId, obligations);
    return expectEventually(async () => {
      const found = await bed.api.milestonesOf(agreementId);
      expect(found).toHaveLength(count);
      return found;
    });
  }

  const post = (path: string, body: unknown) => bed.api.request<MilestoneView>('POST', path, body);
  const patch = (path: string, body: unknown) =>
    bed.api.request<MilestoneView>('PATCH', path, body);

  it('keeps an obligation without a deadline as a tracked commitment with no reminders', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const [dated, tracked] = await extract(
      agreementId,
      2,
      obligation('financing', '2026-04-28'),
      obligation('mapping', null),
    );
    expect(dated).toMatchObject({ status: 'pending', dueDate: '2026-04-28' });
    expect(tracked).toMatchObject({ status: 'tracked', dueDate: null, dueAt: null, reminders: [] });
    expect((await bed.api.milestone(tracked!.id)).history).toEqual([
      expect.objectContaining({ actor: 'extraction', fromStatus: null, toStatus: 'tracked' }),
    ]);
  });

  it('moves pending -> due -> overdue as time passes, in the transaction that fires the reminder', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const [milestone] = await extract(agreementId, 1, obligation('meeting', '2026-04-28'));

    clock.set(new Date('2026-04-28T09:00:00Z'));
    await expectEventually(async () =>
      expect((await bed.api.milestone(milestone!.id)).status).toBe('due'),
    );
    clock.set(new Date('2026-04-29T00:00:00Z'));
    const overdue = await expectEventually(async () => {
      const found = await bed.api.milestone(milestone!.id);
      expect(found.status).toBe('overdue');
      return found;
    });

    const events = await expectEventually(() => {
      const found = bed.statusEvents(agreementId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(events).toEqual([
      expect.objectContaining({
        milestoneId: milestone!.id,
        agreementId,
        previousStatus: 'pending',
        status: 'due',
        dueDate: '2026-04-28',
        previousDueDate: '2026-04-28',
        changedAt: '2026-04-28T09:00:00.000Z',
        actor: 'scheduler',
      }),
      expect.objectContaining({ previousStatus: 'due', status: 'overdue', actor: 'scheduler' }),
    ]);
    expect(overdue.history!.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'pending'],
      ['pending', 'due'],
      ['due', 'overdue'],
    ]);
    // The PT0S and overdue reminders fired with the changes.
    await expectEventually(() =>
      expect(bed.reminderEvents(agreementId).map((r) => r.offset)).toEqual(
        expect.arrayContaining(['PT0S', 'overdue']),
      ),
    );
    expect(overdue.reminders.filter((r) => r.status === 'fired').map((r) => r.offset)).toEqual(
      expect.arrayContaining(['PT0S', 'overdue']),
    );
  });

  it('moves many milestones at one tick, some due and some overdue, each with its own event and audit row', async () => {
    clock.set(new Date('2026-05-01T00:00:00Z'));
    const agreementId = randomUUID();
    const milestones = await extract(
      agreementId,
      4,
      obligation('financing', '2026-05-10'),
      obligation('meeting', '2026-05-10'),
      obligation('reporting', '2026-05-11'),
      obligation('permitting', '2026-05-11'),
    );

    // The 10th ended unmet; the 11th is under way.
    clock.set(new Date('2026-05-11T12:00:00Z'));
    const expected = new Map(
      milestones.map((m) => [m.id, m.dueDate === '2026-05-10' ? 'overdue' : 'due']),
    );
    const events = await expectEventually(() => {
      const found = bed.statusEvents(agreementId);
      expect(found).toHaveLength(4);
      return found;
    });
    expect(new Map(events.map((event) => [event.milestoneId, event.status]))).toEqual(expected);
    for (const event of events) {
      expect(event).toMatchObject({
        previousStatus: 'pending',
        actor: 'scheduler',
        changedAt: '2026-05-11T12:00:00.000Z',
        reason: event.status === 'due' ? 'its due time came' : 'its due time ended unmet',
      });
    }
    for (const milestone of milestones) {
      const stored = await bed.api.milestone(milestone.id);
      expect(stored.status).toBe(expected.get(milestone.id));
      expect(stored.history!.map((h) => [h.fromStatus, h.toStatus])).toEqual([
        [null, 'pending'],
        ['pending', expected.get(milestone.id)],
      ]);
    }
  });

  it('completes a milestone: met, its pending reminders cancelled, an event with who and why', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const [milestone] = await extract(agreementId, 1, obligation('financing', '2026-04-28'));

    const done = await post(`/v1/milestones/${milestone!.id}/complete`, {
      by: 'ops@example.org',
      reason: 'Financing approved by the board',
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('met');
    // P30D was already past when the milestone was planned.
    expect(done.body.reminders.map((r) => r.status)).toEqual([
      'skipped',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(done.body.history!.at(-1)).toMatchObject({
      actor: 'ops@example.org',
      reason: 'Financing approved by the board',
      fromStatus: 'pending',
      toStatus: 'met',
    });
    await expectEventually(() =>
      expect(bed.statusEvents(agreementId)).toEqual([
        expect.objectContaining({
          milestoneId: milestone!.id,
          previousStatus: 'pending',
          status: 'met',
          actor: 'ops@example.org',
          reason: 'Financing approved by the board',
        }),
      ]),
    );

    // Nothing fires for it any more.
    clock.set(new Date('2026-05-01T00:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bed.reminderEvents(agreementId)).toEqual([]);
    expect((await bed.api.milestone(milestone!.id)).status).toBe('met');
  });

  it('answers 409 to a transition that is not allowed, and changes nothing', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const [milestone] = await extract(agreementId, 1, obligation('review', '2026-06-30'));
    const who = { by: 'ops', reason: 'dropped from the plan' };
    expect((await post(`/v1/milestones/${milestone!.id}/cancel`, who)).status).toBe(200);

    const again = await post(`/v1/milestones/${milestone!.id}/complete`, who);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toMatch(/cannot complete a milestone that is cancelled/);
    expect((await post(`/v1/milestones/${milestone!.id}/waive`, who)).status).toBe(409);
    expect(
      (await patch(`/v1/milestones/${milestone!.id}`, { ...who, dueDate: '2026-07-31' })).status,
    ).toBe(409);
    const after = await bed.api.milestone(milestone!.id);
    expect(after).toMatchObject({ status: 'cancelled', dueDate: '2026-06-30' });
    expect(after.history).toHaveLength(2);
  });

  it('waives a tracked commitment', async () => {
    const agreementId = randomUUID();
    const [tracked] = await extract(agreementId, 1, obligation('mapping', null));
    const waived = await post(`/v1/milestones/${tracked!.id}/waive`, {
      by: 'legal',
      reason: 'superseded by the 2027 protocol',
    });
    expect(waived.body).toMatchObject({ status: 'waived', dueDate: null });
    await expectEventually(() =>
      expect(bed.statusEvents(agreementId)).toEqual([
        expect.objectContaining({ previousStatus: 'tracked', status: 'waived', dueDate: null }),
      ]),
    );
  });

  it('validates the body and the id', async () => {
    const agreementId = randomUUID();
    const [milestone] = await extract(agreementId, 1, obligation('review', '2026-06-30'));
    const path = `/v1/milestones/${milestone!.id}`;
    expect((await post(`${path}/complete`, { by: 'ops' })).status).toBe(400);
    expect((await post(`${path}/complete`, { by: ' ', reason: 'x' })).status).toBe(400);
    expect((await post(`${path}/complete`, { by: 'a', reason: 'b', extra: 1 })).status).toBe(400);
    expect((await patch(path, { by: 'a', reason: 'b' })).status).toBe(400);
    expect(
      (
        await patch(path, {
          by: 'a',
          reason: 'b',
          dueDate: '2026-07-01',
          dueAt: '2026-07-01T00:00:00Z',
        })
      ).status,
    ).toBe(400);
    expect((await patch(path, { by: 'a', reason: 'b', dueDate: '2026-02-30' })).status).toBe(400);
    expect(
      (await patch(path, { by: 'a', reason: 'b', dueDate: '2026-07-01', timeZone: 'Mars/Olympus' }))
        .status,
    ).toBe(400);
    expect((await post('/v1/milestones/nope/complete', { by: 'a', reason: 'b' })).status).toBe(400);
    expect(
      (await post(`/v1/milestones/${randomUUID()}/complete`, { by: 'a', reason: 'b' })).status,
    ).toBe(404);
    expect((await bed.api.milestone(milestone!.id)).history).toHaveLength(1);
  });

  it('reschedules: unfired reminders replanned, fired ones kept, history and an event with both dates', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const [milestone] = await extract(agreementId, 1, obligation('report', '2026-04-28'));
    clock.set(new Date('2026-04-29T00:00:01Z'));
    await expectEventually(async () =>
      expect((await bed.api.milestone(milestone!.id)).status).toBe('overdue'),
    );

    const moved = await patch(`/v1/milestones/${milestone!.id}`, {
      dueDate: '2026-07-31',
      timeZone: 'Asia/Tokyo',
      by: 'ops@example.org',
      reason: 'Extension agreed at the April meeting',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      status: 'pending',
      dueDate: '2026-07-31',
      timeZone: 'Asia/Tokyo',
      // 09:00 in Tokyo.
      dueAt: '2026-07-31T00:00:00.000Z',
    });
    const pending = moved.body.reminders.filter((r) => r.status === 'pending');
    expect(pending.map((r) => [r.offset, r.fireAt])).toEqual([
      ['P30D', '2026-07-01T00:00:00.000Z'],
      ['P7D', '2026-07-24T00:00:00.000Z'],
      ['P1D', '2026-07-30T00:00:00.000Z'],
      ['PT0S', '2026-07-31T00:00:00.000Z'],
      ['overdue', '2026-07-31T15:00:00.000Z'],
    ]);
    // The reminders that went out for the old date are kept as sent.
    expect(moved.body.reminders.filter((r) => r.status === 'fired').map((r) => r.offset)).toEqual([
      'P7D',
      'P1D',
      'PT0S',
      'overdue',
    ]);
    expect(moved.body.history!.at(-1)).toMatchObject({
      actor: 'ops@example.org',
      reason: 'Extension agreed at the April meeting',
      fromStatus: 'overdue',
      toStatus: 'pending',
      fromDueDate: '2026-04-28',
      toDueDate: '2026-07-31',
    });
    await expectEventually(() =>
      expect(bed.statusEvents(agreementId).at(-1)).toMatchObject({
        previousStatus: 'overdue',
        status: 'pending',
        previousDueDate: '2026-04-28',
        dueDate: '2026-07-31',
        actor: 'ops@example.org',
      }),
    );

    // A re-extraction of the same text does not undo the extension.
    await extract(agreementId, 1, obligation('report', '2026-04-28'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await bed.api.milestone(milestone!.id)).toMatchObject({
      status: 'pending',
      dueDate: '2026-07-31',
    });
  });

  it('gives a tracked commitment its first date by reschedule', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const [tracked] = await extract(agreementId, 1, obligation('mapping', null));
    const dated = await patch(`/v1/milestones/${tracked!.id}`, {
      dueAt: '2026-05-15T17:00:00Z',
      by: 'ops',
      reason: 'mapping plan due with the May report',
    });
    expect(dated.body).toMatchObject({
      status: 'pending',
      dueKind: 'instant',
      dueDate: '2026-05-15',
      dueAt: '2026-05-15T17:00:00.000Z',
      overdueAt: '2026-05-15T17:00:00.000Z',
    });
    expect(dated.body.reminders.map((r) => [r.offset, r.fireAt])).toEqual([
      ['P30D', '2026-04-15T17:00:00.000Z'],
      ['P7D', '2026-05-08T17:00:00.000Z'],
      ['P1D', '2026-05-14T17:00:00.000Z'],
      ['PT0S', '2026-05-15T17:00:00.000Z'],
      ['overdue', '2026-05-15T17:00:00.000Z'],
    ]);
  });

  it('does not reopen a closed milestone on re-extraction, nor duplicate it', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const [milestone] = await extract(agreementId, 1, obligation('review', '2026-06-30'));
    await post(`/v1/milestones/${milestone!.id}/complete`, { by: 'ops', reason: 'done early' });

    await extract(agreementId, 1, obligation('review', '2026-09-30'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [after, ...others] = await bed.api.milestonesOf(agreementId);
    expect(others).toEqual([]);
    expect(after).toMatchObject({ id: milestone!.id, status: 'met', dueDate: '2026-06-30' });
  });
});
