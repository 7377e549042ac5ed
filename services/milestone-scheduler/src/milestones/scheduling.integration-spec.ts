import { loadEnv } from '@dealwatch/config';
import { Topics } from '@dealwatch/contracts';
import type {
  ClausesExtractedV1,
  ExtractedObligationV1,
  MilestoneReminderV1,
} from '@dealwatch/contracts';
import { ManualClock, runService } from '@dealwatch/platform';
import {
  EventPublisher,
  TopicRecorder,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { AppModule } from '../app.module';
import { SchedulerEnv } from '../scheduler.env';

const namespace = createTestNamespace('scheduler');
const topic = (name: string) => `${namespace.topicPrefix}${name}`;
const brokers = requiredEnv('KAFKA_BROKERS').split(',');

function obligation(key: string, dueDate: string | null): ExtractedObligationV1 {
  return {
    obligationKey: key,
    text: `The parties will act on ${key} within 180 days.`,
    span: [10, 60],
    actors: ['United States'],
    action: `act on ${key}`,
    category: 'meeting',
    binding: false,
    confidence: 0.9,
    deadline: dueDate
      ? {
          expression: 'within 180 days',
          kind: 'within',
          dueDate,
          anchor: { type: 'signing', date: '2025-10-28' },
        }
      : null,
  };
}

function extraction(agreementId: string, obligations: ExtractedObligationV1[]): ClausesExtractedV1 {
  return {
    agreementId,
    extractionId: randomUUID(),
    extractorVersion: 'test',
    extractedAt: '2026-04-20T00:00:00Z',
    title: 'A framework',
    publishedAt: '2025-10-28',
    signedAt: '2025-10-28',
    effectiveAt: null,
    parties: ['United States', 'Japan'],
    obligations,
  };
}

describe('milestone scheduler on real Kafka and PostgreSQL, with a controlled clock', () => {
  const clock = new ManualClock(new Date('2026-04-20T00:00:00Z'));
  let app: INestApplication;
  let base: string;
  let publisher: EventPublisher;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    const env = loadEnv(SchedulerEnv, {
      ...process.env,
      LOG_LEVEL: 'warn',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}scheduler`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      SCHEDULER_POLL_MS: '50',
      OUTBOX_POLL_INTERVAL_MS: '50',
    });
    app = await runService(AppModule.register(env, { clock }), { port: 0, host: '127.0.0.1' });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    publisher = await new EventPublisher(brokers, namespace.topicPrefix).start();
    recorder = await new TopicRecorder(brokers).start([
      topic(Topics.MilestoneReminderV1),
      topic(Topics.MilestoneScheduledV1),
    ]);
  });

  afterAll(async () => {
    await publisher.stop();
    await recorder.stop();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function publish(payload: ClausesExtractedV1): Promise<void> {
    await publisher.publish(Topics.ClausesExtractedV1, payload, { key: payload.agreementId });
  }

  async function milestonesOf(agreementId: string) {
    const response = await fetch(`${base}/v1/milestones?agreementId=${agreementId}`);
    return (
      (await response.json()) as {
        items: {
          id: string;
          dueDate: string;
          reminders: { offset: string; status: string; fireAt: string }[];
        }[];
      }
    ).items;
  }

  function remindersFor(agreementId: string): MilestoneReminderV1[] {
    return recorder
      .on(topic(Topics.MilestoneReminderV1))
      .filter((message) => message.key === agreementId)
      .map((message) => JSON.parse(message.value!) as MilestoneReminderV1);
  }

  it('creates one milestone per dated obligation, skips reminders already past, and keeps undated ones out', async () => {
    const agreementId = randomUUID();
    await publish(
      extraction(agreementId, [obligation('meeting', '2026-04-28'), obligation('mapping', null)]),
    );

    const [milestone, ...others] = await expectEventually(async () => {
      const found = await milestonesOf(agreementId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(others).toEqual([]);
    expect(milestone!.dueDate).toBe('2026-04-28');
    expect(milestone!.reminders.map((r) => [r.offset, r.status])).toEqual([
      ['P30D', 'skipped'],
      ['P7D', 'pending'],
      ['P1D', 'pending'],
      ['PT0S', 'pending'],
      ['overdue', 'pending'],
    ]);
    await expectEventually(() =>
      expect(
        recorder.on(topic(Topics.MilestoneScheduledV1)).some((m) => m.key === agreementId),
      ).toBe(true),
    );
  });

  it('fires a reminder when its time comes, with the evidence and the time it was meant for', async () => {
    const agreementId = randomUUID();
    clock.set(new Date('2026-04-20T00:00:00Z'));
    await publish(extraction(agreementId, [obligation('financing', '2026-04-28')]));
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
    await publish(extraction(agreementId, [obligation('stockpiling', '2026-04-26')]));
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
    await publish(extraction(agreementId, [obligation('review', '2026-06-30')]));
    const [first] = await expectEventually(async () => {
      const found = await milestonesOf(agreementId);
      expect(found).toHaveLength(1);
      return found;
    });

    await publish(extraction(agreementId, [obligation('review', '2026-06-30')]));
    await publish(extraction(agreementId, [obligation('review', '2026-09-30')]));
    const [moved] = await expectEventually(async () => {
      const found = await milestonesOf(agreementId);
      expect(found[0]?.dueDate).toBe('2026-09-30');
      return found;
    });
    expect(moved!.id).toBe(first!.id);
    expect(await milestonesOf(agreementId)).toHaveLength(1);
    expect(moved!.reminders.find((r) => r.offset === 'PT0S')?.fireAt).toBe(
      '2026-09-30T09:00:00.000Z',
    );
  });

  it('rejects a malformed agreementId filter with 400', async () => {
    const response = await fetch(`${base}/v1/milestones?agreementId=nope`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/agreementId/);
  });
});
