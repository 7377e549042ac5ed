import { Topics } from '@dealwatch/contracts';
import {
  TopicRecorder,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
  serviceNames,
} from '@dealwatch/testing';

import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Pipeline, run, workspaceRoot } from './pipeline';

const seed = readFileSync(resolve(workspaceRoot, 'samples/seed-us-japan.txt'), 'utf8');

/** A small agreement of our own whose one deadline passed long ago, so its overdue alert fires at once. */
function pastAgreement(label: string): { text: string; dueDate: string } {
  return {
    text: `date 2024-01-10 https://example.org/${label}\n\nAgreement ${label}\n\nThe parties signed the agreement on 10 January 2024. The two governments will hold a joint review meeting within 30 days of the signing.`,
    dueDate: '2024-02-09',
  };
}

describe('one agreement flowing from ingest to an alert, every hop real', () => {
  const pipeline = new Pipeline();
  let seedId: string;

  beforeAll(async () => {
    await pipeline.start();
  });

  afterAll(async () => {
    await pipeline.stop();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), pipeline.namespace);
  });

  it('turns the seed into two milestones and one overdue alert for each, delivered exactly once', async () => {
    const posted = await pipeline.postDocument(seed);
    expect(posted.status).toBe(202);
    seedId = posted.body.id;

    const milestones = await expectEventually(
      async () => {
        const found = await pipeline.milestonesOf(seedId);
        expect(found).toHaveLength(2);
        return found;
      },
      { timeoutMs: 30_000 },
    );
    expect(milestones.map((m) => m.dueDate).sort()).toEqual(['2026-04-26', '2026-04-28']);

    await expectEventually(() => expect(pipeline.alertsFor(seedId)).toHaveLength(2), {
      timeoutMs: 30_000,
    });
    const alerts = pipeline.alertsFor(seedId);
    expect(alerts.map((a) => a.data.offset)).toEqual(['overdue', 'overdue']);
    expect(alerts.map((a) => a.data.dueDate).sort()).toEqual(['2026-04-26', '2026-04-28']);
    const ids = pipeline.receiver.accepted
      .filter((request) => alerts.some((a) => request.body.includes(a.data.alertId)))
      .map((request) => request.headers['webhook-id']);
    expect(new Set(ids).size).toBe(2);

    // Nothing more arrives: each alert is delivered once.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(pipeline.alertsFor(seedId)).toHaveLength(2);
  });

  it('answers a second post of the same document with the same agreement and no new alerts', async () => {
    const again = await pipeline.postDocument(seed);
    expect(again).toEqual({
      status: 202,
      body: expect.objectContaining({ id: seedId, status: 'duplicate' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(pipeline.alertsFor(seedId)).toHaveLength(2);
  });

  it('lets a consumer we did not write read the events with their CloudEvents headers', async () => {
    const { stdout } = await run(
      'bash',
      [
        'infra/kafka/kafka.sh',
        'consume',
        pipeline.topic(Topics.AgreementIngestedV1),
        '--max-messages',
        '1',
        '--timeout-ms',
        '30000',
      ],
      { cwd: workspaceRoot, timeout: 60_000 },
    );
    expect(stdout).toContain(`ce_type:${Topics.AgreementIngestedV1}`);
    expect(stdout).toContain('ce_specversion:1.0');
    expect(stdout).toContain(seedId);
  });

  it('dead-letters a malformed message on an input topic and keeps the pipeline flowing', async () => {
    const recorder = await new TopicRecorder(requiredEnv('KAFKA_BROKERS').split(',')).start([
      `${pipeline.topic(Topics.AgreementIngestedV1)}.dlq`,
    ]);
    const kafka = new Kafka({
      brokers: requiredEnv('KAFKA_BROKERS').split(','),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    const badKey = randomUUID();
    await producer.send({
      topic: pipeline.topic(Topics.AgreementIngestedV1),
      messages: [
        {
          key: badKey,
          value: '{"not": "an agreement"',
          headers: { ce_type: Topics.AgreementIngestedV1 },
        },
      ],
    });
    await producer.disconnect();

    const next = pastAgreement(`after-garbage-${badKey}`);
    const posted = await pipeline.postDocument(next.text);
    await expectEventually(() => expect(pipeline.alertsFor(posted.body.id)).toHaveLength(1), {
      timeoutMs: 30_000,
    });
    expect(pipeline.alertsFor(posted.body.id)[0]?.data.dueDate).toBe(next.dueDate);
    await expectEventually(() =>
      expect(recorder.messages.some((m) => m.key === badKey)).toBe(true),
    );
    const dead = recorder.messages.find((m) => m.key === badKey);
    expect(dead?.headers['dlq_error']).toMatch(/missing CloudEvents headers/);
    await recorder.stop();
  });

  it('loses no alert when alerting is killed with deliveries pending, and repeats only with the same id', async () => {
    pipeline.receiver.respondWith = () => 503;
    const pending = pastAgreement(`kill-${randomUUID()}`);
    const posted = await pipeline.postDocument(pending.text);
    const attemptsFor = () =>
      pipeline.receiver.requests.filter((request) => request.body.includes(posted.body.id));
    await expectEventually(() => expect(attemptsFor().length).toBeGreaterThanOrEqual(1), {
      timeoutMs: 30_000,
    });

    await pipeline.services.alerting.kill();
    pipeline.receiver.respondWith = () => 204;
    await pipeline.services.alerting.start();

    await expectEventually(() => expect(pipeline.alertsFor(posted.body.id)).toHaveLength(1), {
      timeoutMs: 30_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(pipeline.alertsFor(posted.body.id)).toHaveLength(1);
    const webhookIds = new Set(attemptsFor().map((request) => request.headers['webhook-id']));
    expect(webhookIds.size).toBe(1);
  });

  it('shuts every service down cleanly on SIGTERM, well before the grace period ends', async () => {
    const exits = await Promise.all(serviceNames.map((name) => pipeline.services[name].stop()));
    for (const exit of exits)
      expect([exit.code, exit.signal]).toEqual(exit.code === 0 ? [0, null] : [null, 'SIGTERM']);
    for (const name of serviceNames) {
      const log = readFileSync(pipeline.services[name].options.logFile, 'utf8');
      expect(log).toContain('"msg":"stopped"');
    }
  });
});
