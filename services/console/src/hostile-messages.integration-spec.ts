import { loadEnv } from '@dealwatch/config';
import { Topics } from '@dealwatch/contracts';
import type { PayloadOf, Topic } from '@dealwatch/contracts';
import { EventSubscriptions, runService } from '@dealwatch/platform';
import {
  HostileMessageProbe,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  expectedDeadLetter,
  hostileMessagesFor,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import { AppModule } from './app.module';
import { ConsoleEnv } from './console.env';

const namespace = createTestNamespace('console-hostile');
const schema = `${namespace.schemaPrefix}console`;
const group = `${namespace.topicPrefix}console`;

const agreementId = randomUUID();
const milestoneId = randomUUID();
const reminderId = randomUUID();
const alertId = randomUUID();
const ids = { alertId, reminderId, milestoneId, agreementId };
const text = 'The parties will hold a ministerial meeting within 180 days of signing.';

/** A valid event of every topic the console projects, all about one agreement. */
const validEvents: { [T in Topic]?: PayloadOf<T> } = {
  [Topics.AgreementIngestedV1]: {
    agreementId,
    title: 'A framework',
    text,
    contentSha256: 'd'.repeat(64),
    sourceUrl: null,
    publishedAt: '2025-10-28',
    signedAt: null,
    ingestedAt: '2025-10-28T10:00:00Z',
  },
  [Topics.ClausesExtractedV1]: {
    agreementId,
    extractionId: randomUUID(),
    extractorVersion: 'test',
    extractedAt: '2025-10-28T10:00:00Z',
    title: 'A framework',
    publishedAt: '2025-10-28',
    signedAt: '2025-10-28',
    effectiveAt: null,
    parties: ['United States', 'Japan'],
    obligations: [],
  },
  [Topics.MilestoneScheduledV1]: {
    milestoneId,
    agreementId,
    obligationKey: 'k1',
    title: 'hold a ministerial meeting',
    category: 'meeting',
    dueDate: '2026-04-26',
    overdueAt: '2026-04-27T00:00:00Z',
    evidence: text,
    reminders: [],
  },
  [Topics.MilestoneStatusChangedV1]: {
    milestoneId,
    agreementId,
    previousStatus: 'pending',
    status: 'due',
    dueDate: '2026-04-26',
    previousDueDate: '2026-04-26',
    changedAt: '2026-04-26T00:00:00Z',
    actor: 'scheduler',
    reason: null,
  },
  [Topics.MilestoneReminderV1]: {
    reminderId,
    milestoneId,
    agreementId,
    title: 'hold a ministerial meeting',
    category: 'meeting',
    offset: 'overdue',
    dueDate: '2026-04-26',
    scheduledFor: '2026-04-27T00:00:00Z',
    firedAt: '2026-04-27T00:00:01Z',
    late: false,
    agreementTitle: 'A framework',
    evidence: { text, span: null },
  },
  [Topics.AlertDeliveredV1]: {
    ...ids,
    receiver: 'ops-webhook',
    attempts: 1,
    deliveredAt: '2026-04-27T00:00:02Z',
  },
  [Topics.AlertAcknowledgedV1]: {
    ...ids,
    acknowledgedBy: 'ben',
    comment: 'on it',
    via: 'api',
    acknowledgedAt: '2026-04-27T08:00:00Z',
  },
  [Topics.AlertEscalatedV1]: {
    ...ids,
    level: 1,
    receivers: ['pager'],
    firingSince: '2026-04-27T00:00:01Z',
    escalatedAt: '2026-04-27T07:00:00Z',
  },
  [Topics.AlertResolvedV1]: {
    ...ids,
    milestoneStatus: 'met',
    actor: 'ana',
    reason: null,
    resolvedAt: '2026-04-28T10:00:00Z',
  },
};
const topics = Object.keys(validEvents) as Topic[];

describe('console facing hostile messages on every topic it projects', () => {
  let app: INestApplication;
  let probe: HostileMessageProbe;
  const database = new Client({ connectionString: requiredEnv('DATABASE_URL') });

  beforeAll(async () => {
    const env = loadEnv(ConsoleEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      LOG_LEVEL: 'silent',
      DATABASE_SCHEMA: schema,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      ALERTING_URL: 'http://127.0.0.1:9',
    });
    app = await runService(AppModule.register(env), { port: 0, host: '127.0.0.1' });
    probe = await new HostileMessageProbe(
      requiredEnv('KAFKA_BROKERS').split(','),
      namespace.topicPrefix,
    ).start(topics);
    await database.connect();
  });

  afterAll(async () => {
    await database.end();
    await probe.stop();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  /** A projection's writes commit in the same transaction as the consumer's inbox row. */
  async function projected(eventId: string): Promise<boolean> {
    const { rowCount } = await database.query(
      `SELECT 1 FROM "${schema}".processed_events WHERE consumer_group = $1 AND event_id = $2`,
      [group, eventId],
    );
    return rowCount === 1;
  }

  it.each(topics)(
    'dead-letters each hostile message on %s with its reason and projects the next valid event',
    async (topic) => {
      const valid = validEvents[topic]!;
      const hostile = hostileMessagesFor(topic, valid);
      const eventId = await probe.send(topic, hostile, valid, agreementId);

      await expectEventually(async () => expect(await projected(eventId)).toBe(true));
      await expectEventually(() =>
        expect(probe.deadLetterOutcomes(topic, group, hostile)).toEqual(
          hostile.map(expectedDeadLetter),
        ),
      );
    },
  );

  it('shows the valid events in its API', async () => {
    const response = await apiFetch(
      `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/alerts`,
    );
    const { items } = (await response.json()) as {
      items: { reminderId: string; receivers: string[]; state: string }[];
    };
    expect(items.find((item) => item.reminderId === reminderId)).toMatchObject({
      receivers: ['ops-webhook'],
      state: 'resolved',
    });
  });

  it('covers every topic the service consumes', () => {
    expect(new Set(app.get(EventSubscriptions, { strict: false }).topics)).toEqual(new Set(topics));
  });
});
