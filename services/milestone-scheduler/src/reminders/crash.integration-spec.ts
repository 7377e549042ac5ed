import { Topics } from '@dealwatch/contracts';
import type { MilestoneReminderV1, MilestoneStatusChangedV1 } from '@dealwatch/contracts';
import {
  ServiceProcess,
  TopicRecorder,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

import { buildScheduler, freePort, workspaceRoot } from '../testing/built-scheduler';
import { recordedTopics } from '../testing/scheduler-harness';

const namespace = createTestNamespace('crash');
const schema = `${namespace.schemaPrefix}scheduler`;
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const MILESTONES = 250;
/** 19 offsets and overdue: 20 reminders per milestone, 5,000 in all. */
const OFFSETS = Array.from({ length: 19 }, (_, i) => `PT${i + 1}M`);
const REMINDERS = MILESTONES * (OFFSETS.length + 1);

describe('SIGKILL of the built service while it fires a backlog of due reminders', () => {
  const outDir = join(workspaceRoot, 'tmp', `scheduler-build-${namespace.schemaPrefix}`);
  const agreementId = randomUUID();
  const processes: ServiceProcess[] = [];
  let entry: string;
  let db: Client;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    entry = await buildScheduler(outDir);
    db = new Client({ connectionString: requiredEnv('DATABASE_URL') });
    await db.connect();
    recorder = await new TopicRecorder(brokers).start(recordedTopics(namespace));
  }, 120_000);

  afterAll(async () => {
    for (const service of processes) await service.stop();
    await recorder.stop();
    await db.end();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
    await rm(outDir, { recursive: true, force: true });
  });

  async function scheduler(): Promise<ServiceProcess> {
    const service = new ServiceProcess({
      name: 'milestone-scheduler',
      entry,
      port: await freePort(),
      env: {
        ...testAuthEnv(namespace),
        DATABASE_SCHEMA: schema,
        KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
        LOG_LEVEL: 'info',
        SCHEDULER_POLL_MS: '50',
        OUTBOX_POLL_INTERVAL_MS: '50',
      },
      logFile: join(workspaceRoot, 'tmp', 'scheduler-crash-logs', `${namespace.topicPrefix}log`),
    });
    processes.push(service);
    return service;
  }

  const firedCount = async () =>
    Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${schema}.reminders WHERE status = 'fired'`,
        )
      ).rows[0]!.n,
    );

  function messagesOn(topic: string) {
    return recorder
      .on(`${namespace.topicPrefix}${topic}`)
      .filter((message) => message.key === agreementId);
  }

  it('loses no reminder and fires none twice', async () => {
    // 1. Plan the milestones a day ahead, then stop cleanly.
    const first = await scheduler().then((service) => service.start());
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    for (let batch = 0; batch < MILESTONES; batch += 25) {
      await Promise.all(
        Array.from({ length: 25 }, async () => {
          const response = await apiFetch(`${first.url}/v1/milestones`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ title: 'Crash test', agreementId, dueAt, reminders: OFFSETS }),
          });
          expect(response.status).toBe(201);
        }),
      );
    }
    await first.stop();

    // 2. While it is down, two days pass: every reminder and milestone falls due.
    await db.query(`UPDATE ${schema}.reminders SET fire_at = fire_at - interval '2 days'`);
    await db.query(
      `UPDATE ${schema}.milestones SET due_at = due_at - interval '2 days',
              overdue_at = overdue_at - interval '2 days', due_date = due_date - 2`,
    );

    // 3. Start it and SIGKILL it as soon as its first batch has committed.
    const second = await scheduler();
    const starting = second.start().catch(() => undefined);
    await expectEventually(async () => expect(await firedCount()).toBeGreaterThan(0), {
      timeoutMs: 60_000,
      intervalMs: 5,
    });
    await second.kill();
    const firedBeforeKill = await firedCount();
    expect(firedBeforeKill).toBeLessThan(REMINDERS);

    // 4. Restart: the rest fires.
    const third = await scheduler().then((service) => service.start());
    await expectEventually(
      () =>
        expect(
          new Set(messagesOn(Topics.MilestoneReminderV1).map((m) => m.headers['ce_id'])).size,
        ).toBe(REMINDERS),
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    await expectEventually(
      () =>
        expect(
          new Set(messagesOn(Topics.MilestoneStatusChangedV1).map((m) => m.headers['ce_id'])).size,
        ).toBe(MILESTONES),
      { timeoutMs: 30_000 },
    );
    await third.stop();
    // The killed process's start-up probe ends with the process.
    await starting;

    // Nothing lost: every reminder fired once in the database, and its event is on Kafka.
    const { rows } = await db.query<{ id: string; status: string; fired_at: Date }>(
      `SELECT id, status, fired_at FROM ${schema}.reminders`,
    );
    expect(rows).toHaveLength(REMINDERS);
    expect(rows.every((row) => row.status === 'fired')).toBe(true);

    // Nothing doubled: a reminder's messages (a relay cut off between Kafka's ack and its commit
    // sends one again) all carry the same event id and payload, so consumers drop the repeat.
    const byReminder = new Map<string, Set<string>>();
    for (const message of messagesOn(Topics.MilestoneReminderV1)) {
      const payload = JSON.parse(message.value!) as MilestoneReminderV1;
      expect(message.headers['ce_id']).toBe(payload.reminderId);
      byReminder.set(
        payload.reminderId,
        (byReminder.get(payload.reminderId) ?? new Set()).add(message.value!),
      );
    }
    expect(byReminder.size).toBe(REMINDERS);
    expect([...byReminder.values()].every((payloads) => payloads.size === 1)).toBe(true);
    const firedAt = new Map(rows.map((row) => [row.id, row.fired_at.toISOString()]));
    for (const [id, payloads] of byReminder) {
      const [payload] = [...payloads].map((text) => JSON.parse(text) as MilestoneReminderV1);
      expect(payload!.firedAt).toBe(firedAt.get(id));
    }

    // Each milestone moved pending -> overdue once.
    const transitions = new Map<string, Set<string>>();
    for (const message of messagesOn(Topics.MilestoneStatusChangedV1)) {
      const event = JSON.parse(message.value!) as MilestoneStatusChangedV1;
      expect(`${event.previousStatus}>${event.status}`).toBe('pending>overdue');
      transitions.set(
        event.milestoneId,
        (transitions.get(event.milestoneId) ?? new Set()).add(message.headers['ce_id']!),
      );
    }
    expect(transitions.size).toBe(MILESTONES);
    expect([...transitions.values()].every((ids) => ids.size === 1)).toBe(true);
  }, 240_000);
});
