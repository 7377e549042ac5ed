import { DeadLetterHeaders, Topics } from '@dealwatch/contracts';
import type { ObligationReviewedV1 } from '@dealwatch/contracts';
import { ManualClock } from '@dealwatch/platform';
import {
  TopicRecorder,
  createTestNamespace,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import { SchedulerTestBed, obligation } from '../testing/scheduler-harness';

const namespace = createTestNamespace('reviews');
const deadLetters = `${namespace.topicPrefix}${Topics.ObligationReviewedV1}.dlq`;

function review(
  agreementId: string,
  obligationKey: string,
  verdict: ObligationReviewedV1['verdict'],
  dueDate: string | null = null,
  by = 'ana@example.org',
): ObligationReviewedV1 {
  return {
    reviewId: randomUUID(),
    agreementId,
    obligationKey,
    verdict,
    dueDate,
    extractedDueDate: '2026-05-28',
    by,
    reason: 'checked against the signed text',
    reviewedAt: '2026-04-20T08:00:00Z',
  };
}

describe('reviews of extracted obligations move their milestones', () => {
  const clock = new ManualClock(new Date('2026-04-20T00:00:00Z'));
  let bed: SchedulerTestBed;
  let dlq: TopicRecorder;

  beforeAll(async () => {
    bed = await SchedulerTestBed.start(namespace, clock);
    dlq = await new TopicRecorder(requiredEnv('KAFKA_BROKERS').split(',')).start([deadLetters]);
  });

  afterAll(async () => {
    await dlq.stop();
    await bed.stop();
  });

  /** Extracts the obligations and waits for their milestones, by obligation key. */
  async function extracted(agreementId: string, keys: [string, string | null][]) {
    await bed.extract(
      agreementId,
      keys.map(([key, dueDate]) => obligation(key, dueDate)),
    );
    return expectEventually(async () => {
      const milestones = await bed.api.milestonesOf(agreementId);
      expect(milestones).toHaveLength(keys.length);
      return Object.fromEntries(milestones.map((m) => [m.title.replace(/^act on the /, ''), m]));
    });
  }

  const deadLetterOf = (agreementId: string) =>
    expectEventually(() => {
      const found = dlq.on(deadLetters).find((message) => message.key === agreementId);
      expect(found).toBeDefined();
      return found!.headers[DeadLetterHeaders.error];
    });

  it('reschedules a corrected milestone and its unfired reminders, once, and a re-extraction keeps the correction', async () => {
    const agreementId = randomUUID();
    const { meeting } = await extracted(agreementId, [['meeting', '2026-05-28']]);
    const correction = review(agreementId, 'meeting', 'corrected', '2026-07-15');
    const eventId = await bed.review(correction);

    const moved = await expectEventually(async () => {
      const found = await bed.api.milestone(meeting!.id);
      expect(found.dueDate).toBe('2026-07-15');
      return found;
    });
    expect(moved.status).toBe('pending');
    expect(moved.reviewVerdict).toBe('corrected');
    const pending = moved.reminders.filter((r) => r.status === 'pending');
    expect(pending.map((r) => r.offset)).toEqual(['P30D', 'P7D', 'P1D', 'PT0S', 'overdue']);
    expect(pending.find((r) => r.offset === 'overdue')?.fireAt).toBe(moved.overdueAt);
    for (const reminder of pending)
      expect(Date.parse(reminder.fireAt)).toBeGreaterThan(Date.parse('2026-06-14T00:00:00Z'));
    expect(moved.history?.at(-1)).toMatchObject({
      actor: 'ana@example.org',
      reason: 'corrected in review: checked against the signed text',
      fromDueDate: '2026-05-28',
      toDueDate: '2026-07-15',
      eventId: expect.any(String),
    });
    await expectEventually(() =>
      expect(bed.statusEvents(agreementId)).toContainEqual(
        expect.objectContaining({
          milestoneId: meeting!.id,
          previousDueDate: '2026-05-28',
          dueDate: '2026-07-15',
          actor: 'ana@example.org',
        }),
      ),
    );

    await bed.review(correction, eventId);
    // A second opinion after the redelivery, on the same partition: once it shows, the redelivery
    // was consumed; and a confirmation must not lift the correction.
    await bed.review(review(agreementId, 'meeting', 'confirmed', null, 'ben@example.org'));
    await expectEventually(async () =>
      expect((await bed.api.milestone(meeting!.id)).history?.at(-1)?.actor).toBe('ben@example.org'),
    );
    await bed.extract(agreementId, [
      obligation('meeting', '2026-06-01'),
      obligation('other', null),
    ]);
    await expectEventually(async () =>
      expect(await bed.api.milestonesOf(agreementId)).toHaveLength(2),
    );
    const after = await bed.api.milestone(meeting!.id);
    expect(after).toMatchObject({ dueDate: '2026-07-15', reviewVerdict: 'corrected' });
    expect(after.reminders).toEqual(moved.reminders);
    expect(after.history?.filter((h) => h.actor === 'ana@example.org')).toHaveLength(1);
  });

  it('cancels a dismissed milestone, and a re-extraction leaves it cancelled', async () => {
    const agreementId = randomUUID();
    const { filing } = await extracted(agreementId, [['filing', '2026-05-15']]);
    await bed.review(review(agreementId, 'filing', 'dismissed'));
    const dismissed = await expectEventually(async () => {
      const found = await bed.api.milestone(filing!.id);
      expect(found.status).toBe('cancelled');
      return found;
    });
    expect(dismissed.reminders.filter((r) => r.status === 'pending')).toEqual([]);
    expect(dismissed.history?.at(-1)).toMatchObject({
      actor: 'ana@example.org',
      reason: 'dismissed in review: checked against the signed text',
      toStatus: 'cancelled',
    });

    await bed.extract(agreementId, [obligation('filing', '2026-05-20'), obligation('other', null)]);
    await expectEventually(async () =>
      expect(await bed.api.milestonesOf(agreementId)).toHaveLength(2),
    );
    expect(await bed.api.milestone(filing!.id)).toMatchObject({
      status: 'cancelled',
      dueDate: '2026-05-15',
      history: dismissed.history,
    });
  });

  it('records a confirmation in the history without changing the milestone', async () => {
    const agreementId = randomUUID();
    const { audit } = await extracted(agreementId, [['audit', '2026-06-30']]);
    await bed.review(review(agreementId, 'audit', 'confirmed'));
    const confirmed = await expectEventually(async () => {
      const found = await bed.api.milestone(audit!.id);
      expect(found.reviewVerdict).toBe('confirmed');
      return found;
    });
    expect(confirmed).toMatchObject({ status: 'pending', dueDate: '2026-06-30' });
    expect(confirmed.history?.at(-1)).toMatchObject({
      actor: 'ana@example.org',
      reason: 'confirmed in review: checked against the signed text',
      fromStatus: 'pending',
      toStatus: 'pending',
      eventId: null,
    });
    expect(confirmed.reminders).toEqual(audit!.reminders);
  });

  it('dead-letters a review of an obligation it has no milestone for, with the cause', async () => {
    const agreementId = randomUUID();
    await bed.review(review(agreementId, 'nowhere', 'corrected', '2026-07-01'));
    expect(await deadLetterOf(agreementId)).toBe(
      `no milestone for obligation "nowhere" of agreement ${agreementId}: the corrected review cannot apply`,
    );
  });

  it('dead-letters a correction of a milestone a person already closed', async () => {
    const agreementId = randomUUID();
    const { report } = await extracted(agreementId, [['report', '2026-05-10']]);
    const met = await bed.api.request('POST', `/v1/milestones/${report!.id}/complete`, {
      by: 'ben',
      reason: 'filed',
    });
    expect(met.status).toBe(200);
    await bed.review(review(agreementId, 'report', 'corrected', '2026-08-01'));
    expect(await deadLetterOf(agreementId)).toMatch(/cannot correct a milestone that is met/);
    expect((await bed.api.milestone(report!.id)).dueDate).toBe('2026-05-10');
  });

  it('dead-letters a malformed review, naming the field', async () => {
    const agreementId = randomUUID();
    await extracted(agreementId, [['meeting', '2026-05-28']]);
    await bed.publisher.publishRaw(Topics.ObligationReviewedV1, {
      key: agreementId,
      // A correction without the date it corrects to.
      value: JSON.stringify(review(agreementId, 'meeting', 'corrected')),
      headers: {
        ce_specversion: '1.0',
        ce_id: randomUUID(),
        ce_type: Topics.ObligationReviewedV1,
        ce_source: '/dealwatch/test',
        ce_time: new Date().toISOString(),
      },
    });
    expect(await deadLetterOf(agreementId)).toMatch(/dueDate/);
  });
});
