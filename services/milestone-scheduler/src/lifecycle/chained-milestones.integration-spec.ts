import type { ExtractedObligationV1 } from '@dealwatch/contracts';
import { ManualClock } from '@dealwatch/platform';
import { createTestNamespace, expectEventually } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import { SchedulerTestBed, deadline, obligation } from '../testing/scheduler-harness';
import type { MilestoneView } from '../testing/scheduler-harness';

const namespace = createTestNamespace('chains');

/** "… within <days> days after the <ref>": undated until the event happens. */
function after(
  key: string,
  text: string,
  ref: string,
  days: number,
  businessDays = false,
): ExtractedObligationV1 {
  const expression = `within ${days} days after the ${ref}`;
  return obligation(key, null, {
    text: `${text} ${expression}.`,
    action: text,
    deadline: deadline(null, {
      expression,
      duration: `P${days}D`,
      relation: 'after',
      anchor: { type: 'event', ref },
      businessDays,
    }),
  });
}

const meeting = obligation('meeting', '2026-04-26', {
  text: 'A bilateral Ministerial Meeting is scheduled within 180 days to set investment priorities.',
  action: '180 days to set investment priorities',
});
const plan = after('plan', 'The Parties shall adopt a joint work plan', 'ministerial meeting', 90);

describe('chained milestones: due a set time after the milestone they wait on is met', () => {
  const clock = new ManualClock(new Date('2026-04-01T00:00:00Z'));
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.start(namespace, clock);
  });

  afterAll(() => bed.stop());

  async function extract(agreementId: string, ...obligations: ExtractedObligationV1[]) {
    await bed.extract(agreementId, obligations);
    return expectEventually(async () => {
      const found = await bed.api.milestonesOf(agreementId);
      expect(found).toHaveLength(obligations.length);
      return new Map(found.map((m) => [m.title, m]));
    });
  }

  const byTitle = (milestones: Map<string, MilestoneView>, start: string) =>
    [...milestones.values()].find((m) => m.title.startsWith(start))!;

  const complete = (id: string) =>
    bed.api.request<MilestoneView>('POST', `/v1/milestones/${id}/complete`, {
      by: 'ops@example.org',
      reason: 'held in Tokyo',
    });

  it('waits on its anchor as a tracked commitment, then falls due the offset after the day it was met', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const milestones = await extract(agreementId, meeting, plan);
    const anchor = byTitle(milestones, 'A bilateral Ministerial Meeting');
    const chained = byTitle(milestones, 'The Parties shall adopt');
    expect(chained).toMatchObject({
      status: 'tracked',
      dueDate: null,
      reminders: [],
      chain: { anchorMilestoneId: anchor.id, offset: 'P90D' },
    });

    // Met before its own due date (26 April), so the dispatcher never has it overdue first.
    clock.set(new Date('2026-04-20T15:00:00Z'));
    expect((await complete(anchor.id)).body.status).toBe('met');

    const released = await bed.api.milestone(chained.id);
    // 20 April 2026 + 90 days = 19 July 2026.
    expect(released).toMatchObject({ status: 'pending', dueKind: 'date', dueDate: '2026-07-19' });
    expect(released.reminders.map((r) => [r.offset, r.fireAt])).toEqual([
      ['P30D', '2026-06-19T09:00:00.000Z'],
      ['P7D', '2026-07-12T09:00:00.000Z'],
      ['P1D', '2026-07-18T09:00:00.000Z'],
      ['PT0S', '2026-07-19T09:00:00.000Z'],
      ['overdue', '2026-07-20T00:00:00.000Z'],
    ]);
    expect(released.history!.at(-1)).toMatchObject({
      actor: 'scheduler',
      reason: expect.stringMatching(
        /due P90D after "A bilateral Ministerial Meeting.*", met on 2026-04-20/,
      ),
      fromStatus: 'tracked',
      toStatus: 'pending',
      fromDueDate: null,
      toDueDate: '2026-07-19',
    });
    await expectEventually(() =>
      expect(bed.statusEvents(agreementId)).toEqual([
        expect.objectContaining({ milestoneId: anchor.id, status: 'met' }),
        expect.objectContaining({
          milestoneId: chained.id,
          previousStatus: 'tracked',
          status: 'pending',
          previousDueDate: null,
          dueDate: '2026-07-19',
          actor: 'scheduler',
        }),
      ]),
    );
  });

  it('releases a chain link by link', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const report = after(
      'report',
      'Each Party shall submit a progress report',
      'ministerial meeting',
      30,
    );
    const review = after(
      'review',
      'The Parties shall review the progress report',
      'progress report',
      60,
    );
    const milestones = await extract(agreementId, meeting, report, review);
    const first = byTitle(milestones, 'Each Party');
    const second = byTitle(milestones, 'The Parties shall review');
    expect(second.chain?.anchorMilestoneId).toBe(first.id);

    clock.set(new Date('2026-04-20T10:00:00Z'));
    await complete(byTitle(milestones, 'A bilateral').id);
    expect(await bed.api.milestone(first.id)).toMatchObject({ dueDate: '2026-05-20' });
    expect((await bed.api.milestone(second.id)).status).toBe('tracked');

    clock.set(new Date('2026-05-18T10:00:00Z'));
    await complete(first.id);
    expect(await bed.api.milestone(second.id)).toMatchObject({
      status: 'pending',
      dueDate: '2026-07-17',
    });
  });

  it('does not release on a waived or cancelled anchor', async () => {
    const agreementId = randomUUID();
    const milestones = await extract(agreementId, meeting, plan);
    await bed.api.request('POST', `/v1/milestones/${byTitle(milestones, 'A bilateral').id}/waive`, {
      by: 'ops',
      reason: 'meeting replaced by a call',
    });
    expect((await bed.api.milestone(byTitle(milestones, 'The Parties').id)).status).toBe('tracked');
  });

  it('releases at once a chained milestone first seen after its anchor was met', async () => {
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const agreementId = randomUUID();
    const first = await extract(agreementId, meeting);
    clock.set(new Date('2026-04-10T12:00:00Z'));
    await complete(byTitle(first, 'A bilateral').id);

    // A corrected text adds the follow-up.
    clock.set(new Date('2026-04-15T00:00:00Z'));
    const second = await extract(agreementId, meeting, plan);
    const chained = await expectEventually(async () => {
      const found = await bed.api.milestone(byTitle(second, 'The Parties').id);
      expect(found.status).toBe('pending');
      return found;
    });
    // 10 April 2026 + 90 days = 9 July 2026.
    expect(chained.dueDate).toBe('2026-07-09');
  });

  it("counts business days of the agreement's jurisdiction when the deadline says so", async () => {
    clock.set(new Date('2026-06-01T00:00:00Z'));
    const agreementId = randomUUID();
    const inBusinessDays = after(
      'plan',
      'The Parties shall adopt a joint work plan',
      'ministerial meeting',
      10,
      true,
    );
    const milestones = await extract(agreementId, meeting, inBusinessDays);
    const anchor = byTitle(milestones, 'A bilateral Ministerial Meeting');
    const chained = byTitle(milestones, 'The Parties shall adopt');
    expect(chained.chain).toEqual({
      anchorMilestoneId: anchor.id,
      offset: 'P10D',
      businessDays: true,
    });
    const put = await bed.api.request('PUT', `/v1/agreements/${agreementId}/defaults`, {
      jurisdiction: 'US',
      by: 'ops@example.org',
      reason: 'a US agreement',
    });
    expect(put.status).toBe(200);

    clock.set(new Date('2026-07-01T15:00:00Z'));
    expect((await complete(anchor.id)).body.status).toBe('met');
    // Met Wednesday 1 July: ten business days skip Friday 3 July (Independence Day observed) and
    // two weekends: Thu 2, Mon 6 to Fri 10, Mon 13 to Thu 16.
    expect(await bed.api.milestone(chained.id)).toMatchObject({
      status: 'pending',
      dueDate: '2026-07-16',
    });
  });
});
