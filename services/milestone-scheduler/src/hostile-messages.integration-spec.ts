import { Topics } from '@dealwatch/contracts';
import type { ObligationReviewedV1 } from '@dealwatch/contracts';
import { EventSubscriptions, ManualClock } from '@dealwatch/platform';
import {
  HostileMessageProbe,
  createTestNamespace,
  expectEventually,
  expectedDeadLetter,
  hostileMessagesFor,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import { SchedulerTestBed, extraction, obligation } from './testing/scheduler-harness';

const namespace = createTestNamespace('scheduler-hostile');
const group = `${namespace.topicPrefix}milestone-scheduler`;

describe('milestone-scheduler facing hostile messages on each topic it consumes', () => {
  const clock = new ManualClock(new Date('2026-04-20T00:00:00Z'));
  let bed: SchedulerTestBed;
  let probe: HostileMessageProbe;

  beforeAll(async () => {
    bed = await SchedulerTestBed.start(namespace, clock);
    probe = await new HostileMessageProbe(
      requiredEnv('KAFKA_BROKERS').split(','),
      namespace.topicPrefix,
    ).start([Topics.ClausesExtractedV1, Topics.ObligationReviewedV1]);
  });

  afterAll(async () => {
    await probe.stop();
    await bed.stop();
  });

  it('dead-letters each on clauses.extracted with its reason and schedules the next valid extraction', async () => {
    const agreementId = randomUUID();
    const valid = extraction(agreementId, [obligation('meeting', '2026-05-28')]);
    const hostile = hostileMessagesFor(Topics.ClausesExtractedV1, valid);
    await probe.send(Topics.ClausesExtractedV1, hostile, valid, agreementId);

    await expectEventually(async () =>
      expect(await bed.api.milestonesOf(agreementId)).toMatchObject([{ dueDate: '2026-05-28' }]),
    );
    await expectEventually(() =>
      expect(probe.deadLetterOutcomes(Topics.ClausesExtractedV1, group, hostile)).toEqual(
        hostile.map(expectedDeadLetter),
      ),
    );
  });

  it('dead-letters each on obligation.reviewed with its reason and applies the next valid review', async () => {
    const agreementId = randomUUID();
    await bed.extract(agreementId, [obligation('meeting', '2026-05-28')]);
    const [milestone] = await expectEventually(async () => {
      const found = await bed.api.milestonesOf(agreementId);
      expect(found).toHaveLength(1);
      return found;
    });
    const correction: ObligationReviewedV1 = {
      reviewId: randomUUID(),
      agreementId,
      obligationKey: 'meeting',
      verdict: 'corrected',
      dueDate: '2026-07-15',
      extractedDueDate: '2026-05-28',
      by: 'ana@example.org',
      reason: 'checked against the signed text',
      reviewedAt: '2026-04-20T08:00:00Z',
    };
    const hostile = hostileMessagesFor(Topics.ObligationReviewedV1, correction);
    await probe.send(Topics.ObligationReviewedV1, hostile, correction, agreementId);

    await expectEventually(async () =>
      expect(await bed.api.milestone(milestone!.id)).toMatchObject({ dueDate: '2026-07-15' }),
    );
    await expectEventually(() =>
      expect(probe.deadLetterOutcomes(Topics.ObligationReviewedV1, group, hostile)).toEqual(
        hostile.map(expectedDeadLetter),
      ),
    );
  });

  it('covers every topic the service consumes', () => {
    expect(new Set(bed.scheduler.app.get(EventSubscriptions, { strict: false }).topics)).toEqual(
      new Set([Topics.ClausesExtractedV1, Topics.ObligationReviewedV1]),
    );
  });
});
