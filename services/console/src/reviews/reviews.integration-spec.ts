import { loadEnv } from '@dealwatch/config';
import { CloudEventHeaders, Topics } from '@dealwatch/contracts';
import type { ExtractedObligationV1, ObligationReviewedV1 } from '@dealwatch/contracts';
import { ManualClock } from '@dealwatch/platform';
import { startInProcess } from '@dealwatch/platform/testing';
import {
  EventPublisher,
  TEST_ADMIN_API_KEY,
  TopicRecorder,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';

import { AppModule } from '../app.module';
import { ConsoleEnv } from '../console.env';

const namespace = createTestNamespace('console-reviews');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const reviewedTopic = `${namespace.topicPrefix}${Topics.ObligationReviewedV1}`;

function obligation(
  key: string,
  confidence: number,
  dueDate: string | null,
): ExtractedObligationV1 {
  const text = `The parties will act on ${key}.`;
  return {
    obligationKey: key,
    text,
    span: [0, text.length],
    actors: [],
    action: `act on ${key}`,
    category: 'meeting',
    binding: false,
    confidence,
    deadline: dueDate
      ? { expression: 'within 180 days', kind: 'within', dueDate, anchor: { type: 'signing' } }
      : null,
  };
}

/** Counts server-sent events by name until closed. */
function listen(url: string): { received: string[]; close: () => void } {
  const received: string[] = [];
  const headers = { accept: 'text/event-stream', authorization: `Bearer ${TEST_ADMIN_API_KEY}` };
  const req = request(url, { headers }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/^event: (\w+)$/gm)) received.push(match[1]!);
    });
  });
  req.end();
  return { received, close: () => req.destroy() };
}

interface QueueItem {
  agreementId: string;
  obligation: { obligationKey: string; confidence: number };
  milestone: { dueDate: string | null } | null;
}

describe('the review queue of low-confidence extractions', () => {
  const agreementId = randomUUID();
  const milestoneId = randomUUID();
  let app: INestApplication;
  let base: string;
  let publisher: EventPublisher;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    const env = loadEnv(ConsoleEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      LOG_LEVEL: 'warn',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}console`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      OUTBOX_POLL_INTERVAL_MS: '50',
    });
    ({ app, base } = await startInProcess(
      AppModule.register(env, { clock: new ManualClock(new Date('2026-01-05T09:00:00Z')) }),
    ));
    publisher = await new EventPublisher(brokers, namespace.topicPrefix).start();
    recorder = await new TopicRecorder(brokers).start([reviewedTopic]);

    await publisher.publish(
      Topics.ClausesExtractedV1,
      {
        agreementId,
        extractionId: randomUUID(),
        extractorVersion: 'test',
        extractedAt: '2026-01-02T10:00:00Z',
        title: 'A framework',
        publishedAt: '2025-10-28',
        signedAt: '2025-10-28',
        effectiveAt: null,
        parties: ['United States', 'Japan'],
        obligations: [
          obligation('meeting', 0.7, '2026-04-26'),
          obligation('trade', 0.6, null),
          obligation('financing', 0.8, '2026-04-28'),
          obligation('report', 0.9, '2026-06-30'),
          obligation('signing', 0.5, '2025-12-01'),
        ],
      },
      { key: agreementId },
    );
    await publisher.publish(
      Topics.MilestoneScheduledV1,
      {
        milestoneId,
        agreementId,
        obligationKey: 'meeting',
        title: 'act on meeting',
        category: 'meeting',
        dueDate: '2026-04-26',
        overdueAt: '2026-04-27T00:00:00Z',
        evidence: null,
        reminders: [],
      },
      { key: agreementId },
    );
    const signingMilestone = randomUUID();
    await publisher.publish(
      Topics.MilestoneScheduledV1,
      {
        milestoneId: signingMilestone,
        agreementId,
        obligationKey: 'signing',
        title: 'act on signing',
        category: 'meeting',
        dueDate: '2025-12-01',
        overdueAt: '2025-12-02T00:00:00Z',
        evidence: null,
        reminders: [],
      },
      { key: agreementId },
    );
    await publisher.publish(
      Topics.MilestoneStatusChangedV1,
      {
        milestoneId: signingMilestone,
        agreementId,
        previousStatus: 'pending',
        status: 'met',
        dueDate: '2025-12-01',
        previousDueDate: '2025-12-01',
        // After the scheduling event's own time, which the projection orders changes by.
        changedAt: new Date().toISOString(),
        actor: 'ben',
        reason: 'signed',
      },
      { key: agreementId },
    );
  });

  afterAll(async () => {
    await recorder.stop();
    await publisher.stop();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  const queue = async () =>
    (await (await apiFetch(`${base}/api/reviews`)).json()) as {
      confidenceBelow: number;
      items: QueueItem[];
      reviewed: { obligationKey: string; verdict: string; by: string }[];
    };
  const keysInQueue = async () =>
    (await queue()).items
      .filter((item) => item.agreementId === agreementId)
      .map((item) => item.obligation.obligationKey);
  const post = async (body: object) => {
    const response = await apiFetch(`${base}/api/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const published = () =>
    recorder
      .on(reviewedTopic)
      .filter((message) => message.key === agreementId)
      .map((message) => ({
        headers: message.headers,
        payload: JSON.parse(message.value ?? 'null') as ObligationReviewedV1,
      }));
  const correction = {
    agreementId,
    obligationKey: 'meeting',
    verdict: 'corrected',
    dueDate: '2026-09-30',
    by: ' ana@example.org ',
    reason: 'the joint statement moved the meeting',
  };

  it('lists the obligations below the threshold, least certain first, with their milestone, leaving out those already closed', async () => {
    await expectEventually(async () => expect(await keysInQueue()).toEqual(['trade', 'meeting']));
    const { confidenceBelow, items } = await queue();
    expect(confidenceBelow).toBe(0.8);
    await expectEventually(async () =>
      expect(
        (await queue()).items.find((item) => item.obligation.obligationKey === 'meeting')
          ?.milestone,
      ).toMatchObject({ dueDate: '2026-04-26' }),
    );
    expect(items.find((item) => item.obligation.obligationKey === 'trade')?.milestone).toBeNull();
  });

  it.each([
    ['a correction without its date', { dueDate: undefined }, 'dueDate'],
    ['a date that does not exist', { dueDate: '2026-02-30' }, 'dueDate'],
    ['a confirmation with a date', { verdict: 'confirmed' }, 'dueDate'],
    ['an unknown verdict', { verdict: 'maybe' }, 'verdict'],
    ['nobody named', { by: '   ' }, 'by'],
    ['no reason', { reason: undefined }, 'reason'],
    ['a malformed agreement id', { agreementId: 'nope' }, 'agreementId'],
    ['a field it does not know', { priority: 'high' }, 'priority'],
  ])('refuses %s with a 400 naming the field', async (_, change, field) => {
    const { status, body } = await post({ ...correction, ...change });
    expect(status).toBe(400);
    const errors = body['errors'] as { field: string }[];
    expect(errors.map((error) => error.field)).toContain(field);
    expect(await keysInQueue()).toContain('meeting');
  });

  it('refuses to correct or dismiss an obligation whose milestone is closed, and takes a confirmation', async () => {
    const dismissal = { ...correction, obligationKey: 'signing', verdict: 'dismissed' };
    const refused = await post({ ...dismissal, dueDate: undefined });
    expect(refused.status).toBe(409);
    expect(refused.body['detail']).toBe(
      'the milestone of obligation "signing" is met: it can no longer be dismissed',
    );
    const confirmed = await post({ ...dismissal, verdict: 'confirmed', dueDate: undefined });
    expect(confirmed.status).toBe(201);
  });

  it('answers 404 for an obligation it has not seen in an extraction', async () => {
    const { status, body } = await post({ ...correction, obligationKey: 'nowhere' });
    expect(status).toBe(404);
    expect(body['detail']).toContain('nowhere');
  });

  it('records a correction, announces it once, takes it off the queue and tells open pages', async () => {
    const stream = listen(`${base}/api/events`);
    try {
      const { status, body } = await post(correction);
      expect(status).toBe(201);
      expect(body).toMatchObject({
        verdict: 'corrected',
        dueDate: '2026-09-30',
        extractedDueDate: '2026-04-26',
        confidence: 0.7,
        by: 'ana@example.org',
      });
      const event = await expectEventually(() => {
        const found = published().find(({ payload }) => payload.obligationKey === 'meeting');
        expect(found).toBeDefined();
        return found;
      });
      expect(event!.payload).toEqual({
        reviewId: body.id,
        agreementId,
        obligationKey: 'meeting',
        verdict: 'corrected',
        dueDate: '2026-09-30',
        extractedDueDate: '2026-04-26',
        by: 'ana@example.org',
        reason: 'the joint statement moved the meeting',
        reviewedAt: '2026-01-05T09:00:00.000Z',
      });
      expect(event!.headers[CloudEventHeaders.id]).toBe(body.id);
      expect(await keysInQueue()).toEqual(['trade']);
      expect((await queue()).reviewed[0]).toMatchObject({ obligationKey: 'meeting' });
      await expectEventually(() => expect(stream.received).toContain('review'));
    } finally {
      stream.close();
    }

    const again = await post({ ...correction, dueDate: '2026-10-31' });
    expect(again.status).toBe(409);
    expect(again.body['detail']).toContain('corrected by ana@example.org');
    await post({ ...correction, obligationKey: 'trade', verdict: 'dismissed', dueDate: null });
    await expectEventually(() => expect(published()).toHaveLength(3));
    expect(published().map(({ payload }) => payload.obligationKey)).toEqual([
      'signing',
      'meeting',
      'trade',
    ]);
  });
});
