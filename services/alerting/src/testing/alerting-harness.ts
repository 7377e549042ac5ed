import { loadEnv } from '@dealwatch/config';
import { Topics } from '@dealwatch/contracts';
import type { MilestoneReminderV1 } from '@dealwatch/contracts';
import { runService } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';
import { EventPublisher, apiFetch, serviceTestEnv } from '@dealwatch/testing';
import type { ReceivedRequest, TestNamespace, WebhookReceiver } from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

import { AlertingEnv } from '../alerting.env';
import { AppModule } from '../app.module';

/** Shared by the integration specs of the alerting service; excluded from the build. */
export const testSecret = `whsec_${Buffer.from('alerting integration test secret!').toString('base64')}`;

export interface RunningAlerting {
  app: INestApplication;
  base: string;
}

/**
 * The service in-process against the namespace's schema and topics, with fast retries; `clock`
 * (a ManualClock) lets a test move time on.
 */
export async function startAlerting(
  namespace: TestNamespace,
  receiverUrls: string[],
  overrides: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<RunningAlerting> {
  // The namespace's Redis prefix keeps a test file's rate windows and breakers its own.
  const env = loadEnv(AlertingEnv, {
    ...serviceTestEnv(namespace, 'alerting'),
    LOG_LEVEL: 'error',
    ALERT_WEBHOOK_URLS: receiverUrls.join(','),
    ALERT_WEBHOOK_SECRET: testSecret,
    // The receivers of the tests listen on loopback, which the SSRF guard refuses unless named.
    OUTBOUND_ALLOWLIST: '127.0.0.1',
    ALERT_RETRY_BASE_MS: '20',
    ALERT_RETRY_MAX_MS: '100',
    ALERT_DELIVERY_POLL_MS: '50',
    ALERT_ESCALATION_POLL_MS: '50',
    ALERT_DELIVERY_TIMEOUT_MS: '2000',
    OUTBOX_POLL_INTERVAL_MS: '50',
    ...overrides,
  });
  const app = await runService(AppModule.register(env, options), {
    port: env.PORT,
    host: env.HOST,
  });
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

export function reminder(overrides: Partial<MilestoneReminderV1> = {}): MilestoneReminderV1 {
  return {
    reminderId: randomUUID(),
    milestoneId: randomUUID(),
    agreementId: randomUUID(),
    title: 'Hold the first meeting of the Joint Committee',
    category: 'meeting',
    offset: 'P7D',
    dueDate: '2026-04-28',
    scheduledFor: '2026-04-21T09:00:00.000Z',
    firedAt: '2026-04-21T09:00:00.250Z',
    late: false,
    agreementTitle: 'Framework on Critical Minerals',
    evidence: { text: 'The Participants will meet within 180 days.', span: [10, 55] },
    ...overrides,
  };
}

/** Publishes onto the prefixed reminder topic as the scheduler would, in CloudEvents binary mode. */
export class ReminderPublisher {
  readonly topic: string;
  private readonly events: EventPublisher;

  constructor(brokers: string[], namespace: TestNamespace) {
    this.topic = `${namespace.topicPrefix}${Topics.MilestoneReminderV1}`;
    this.events = new EventPublisher(brokers, namespace.topicPrefix);
  }

  async start(): Promise<this> {
    await this.events.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.events.stop();
  }

  /** Returns the event id (`ce_id`); pass one to publish the same event again. */
  publish(payload: MilestoneReminderV1, eventId: string = randomUUID()): Promise<string> {
    return this.events.publish(Topics.MilestoneReminderV1, payload, {
      key: payload.agreementId,
      eventId,
    });
  }

  /** Several reminders in one request: those of one agreement reach alerting in one batch. */
  publishAll(payloads: MilestoneReminderV1[], eventIds?: string[]): Promise<string[]> {
    return this.events.publishAll(
      Topics.MilestoneReminderV1,
      payloads.map((payload, index) => ({
        payload,
        key: payload.agreementId,
        eventId: eventIds?.[index] ?? randomUUID(),
      })),
    );
  }

  async publishRaw(message: {
    key: string;
    value: string;
    headers: Record<string, string>;
  }): Promise<void> {
    await this.events.publishRaw(Topics.MilestoneReminderV1, message);
  }
}

export function cloudEventHeaders(eventId: string, subject: string): Record<string, string> {
  return {
    ce_specversion: '1.0',
    ce_id: eventId,
    ce_type: Topics.MilestoneReminderV1,
    ce_source: '/dealwatch/milestone-scheduler',
    ce_time: new Date().toISOString(),
    ce_subject: subject,
    'content-type': 'application/json',
  };
}

export function requestsFor(receiver: WebhookReceiver, alertId: string): ReceivedRequest[] {
  return receiver.requests.filter((request) => request.headers['webhook-id'] === alertId);
}

/** What a receiver does: throws unless the signature is valid for the body; returns the body. */
export function verifyWebhook(request: ReceivedRequest): unknown {
  return new Webhook(testSecret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  });
}

/** Answers `statuses` in turn to the requests for one reminder, then 204. */
export function scriptedAnswers(scripts: Map<string, number[]>) {
  return ({ body }: { body: string }): number => {
    const reminderId = (JSON.parse(body) as { data?: { reminderId?: string } }).data?.reminderId;
    const script = reminderId ? scripts.get(reminderId) : undefined;
    return script?.shift() ?? 204;
  };
}

export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await apiFetch(url);
  return { status: response.status, body: await response.json() };
}

/**
 * Standard Webhooks verification written from the specification, not with the `standardwebhooks`
 * package the service signs with: HMAC-SHA256 over `id.timestamp.body` with the base64-decoded key,
 * compared with each `v1,` signature in the header.
 */
export function verifiesIndependently(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`;
  const expected = createHmac('sha256', key).update(signed).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'))
    .some(
      (candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected),
    );
}
