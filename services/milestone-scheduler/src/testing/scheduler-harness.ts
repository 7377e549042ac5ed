import { loadEnv } from '@dealwatch/config';
import { Topics } from '@dealwatch/contracts';
import type {
  ClausesExtractedV1,
  ExtractedDeadlineV1,
  ExtractedObligationV1,
  MilestoneReminderV1,
  MilestoneStatusChangedV1,
  ObligationReviewedV1,
} from '@dealwatch/contracts';
import { runService } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';
import {
  EventPublisher,
  TopicRecorder,
  apiFetch,
  dropTestSchemas,
  requiredEnv,
  serviceTestEnv,
} from '@dealwatch/testing';
import type { TestNamespace } from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { AppModule } from '../app.module';
import { SchedulerEnv } from '../scheduler.env';

/** Shared by the integration specs of the milestone scheduler; excluded from the build. */
export interface RunningScheduler {
  app: INestApplication;
  api: SchedulerApi;
}

/** The service in-process on the namespace's schema and topics, on the given clock. */
export async function startScheduler(
  namespace: TestNamespace,
  clock: Clock,
  overrides: Record<string, string> = {},
): Promise<RunningScheduler> {
  const env = loadEnv(SchedulerEnv, {
    ...serviceTestEnv(namespace, 'scheduler'),
    LOG_LEVEL: 'warn',
    SCHEDULER_POLL_MS: '50',
    OUTBOX_POLL_INTERVAL_MS: '50',
    ...overrides,
  });
  const app = await runService(AppModule.register(env, { clock }), {
    port: env.PORT,
    host: env.HOST,
  });
  return { app, api: new SchedulerApi((await app.getUrl()).replace('[::1]', '127.0.0.1')) };
}

export interface MilestoneView {
  id: string;
  agreementId: string | null;
  title: string;
  category: string;
  owner: string | null;
  status: string;
  dueKind: 'date' | 'instant' | null;
  dueDate: string | null;
  dueAt: string | null;
  overdueAt: string | null;
  timeZone: string;
  policy: string | null;
  timeOfDay: string | null;
  jurisdiction: string | null;
  parties: string[];
  chain: { anchorMilestoneId: string; offset: string; businessDays: boolean } | null;
  reminders: {
    id: string;
    offset: string;
    fireAt: string;
    status: string;
    firedAt: string | null;
  }[];
  reviewVerdict: string | null;
  history?: {
    actor: string;
    reason: string | null;
    fromStatus: string | null;
    toStatus: string;
    fromDueDate: string | null;
    toDueDate: string | null;
    eventId: string | null;
  }[];
}

export class SchedulerApi {
  constructor(readonly base: string) {}

  // The caller names the shape it expects of the JSON answer.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await apiFetch(`${this.base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async milestonesOf(agreementId: string): Promise<MilestoneView[]> {
    const { body } = await this.request<{ items: MilestoneView[] }>(
      'GET',
      `/v1/milestones?agreementId=${agreementId}`,
    );
    return body.items;
  }

  async milestone(id: string): Promise<MilestoneView> {
    const { status, body } = await this.request<MilestoneView>('GET', `/v1/milestones/${id}`);
    if (status !== 200) throw new Error(`GET milestone ${id}: ${status}`);
    return body;
  }
}

export function deadline(dueDate: string | null, extra: Partial<ExtractedDeadlineV1> = {}) {
  return {
    expression: 'within 180 days',
    kind: 'within' as const,
    dueDate,
    duration: 'P180D',
    relation: 'after' as const,
    anchor: { type: 'signing' as const, date: '2025-10-28' },
    ...extra,
  };
}

export function obligation(
  key: string,
  dueDate: string | null,
  extra: Partial<ExtractedObligationV1> = {},
): ExtractedObligationV1 {
  return {
    obligationKey: key,
    text: `The parties will act on ${key} within 180 days.`,
    span: [10, 60],
    actors: ['United States'],
    action: `act on the ${key}`,
    category: 'meeting',
    binding: false,
    confidence: 0.9,
    deadline: dueDate ? deadline(dueDate) : null,
    ...extra,
  };
}

export function extraction(
  agreementId: string,
  obligations: ExtractedObligationV1[],
): ClausesExtractedV1 {
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

/** The recorded events of one topic about one subject (an agreement, or a standalone milestone). */
export function eventsOf<T>(
  recorder: TopicRecorder,
  namespace: TestNamespace,
  topic: string,
  subject: string,
): T[] {
  return recorder
    .on(`${namespace.topicPrefix}${topic}`)
    .filter((message) => message.key === subject)
    .map((message) => JSON.parse(message.value ?? 'null') as T);
}

export const statusEvents = (recorder: TopicRecorder, namespace: TestNamespace, subject: string) =>
  eventsOf<MilestoneStatusChangedV1>(recorder, namespace, Topics.MilestoneStatusChangedV1, subject);

export const reminderEvents = (
  recorder: TopicRecorder,
  namespace: TestNamespace,
  subject: string,
) => eventsOf<MilestoneReminderV1>(recorder, namespace, Topics.MilestoneReminderV1, subject);

/** The topics a scheduler test records. */
export function recordedTopics(namespace: TestNamespace): string[] {
  return [
    Topics.MilestoneReminderV1,
    Topics.MilestoneScheduledV1,
    Topics.MilestoneStatusChangedV1,
  ].map((topic) => `${namespace.topicPrefix}${topic}`);
}

/**
 * One spec file's world: the service on its own schema and topics, an upstream publisher of
 * extractions, and a recorder of what the service publishes. `stop` tears it all down.
 */
export class SchedulerTestBed {
  private constructor(
    readonly namespace: TestNamespace,
    readonly scheduler: RunningScheduler,
    readonly publisher: EventPublisher,
    readonly recorder: TopicRecorder,
  ) {}

  static async start(
    namespace: TestNamespace,
    clock: Clock,
    overrides: Record<string, string> = {},
  ): Promise<SchedulerTestBed> {
    const brokers = requiredEnv('KAFKA_BROKERS').split(',');
    return new SchedulerTestBed(
      namespace,
      await startScheduler(namespace, clock, overrides),
      await new EventPublisher(brokers, namespace.topicPrefix).start(),
      await new TopicRecorder(brokers).start(recordedTopics(namespace)),
    );
  }

  get api(): SchedulerApi {
    return this.scheduler.api;
  }

  /** Publishes an extraction of the agreement, as clause-extraction would. */
  async extract(agreementId: string, obligations: ExtractedObligationV1[]): Promise<void> {
    await this.publisher.publish(Topics.ClausesExtractedV1, extraction(agreementId, obligations), {
      key: agreementId,
    });
  }

  /** Publishes a review of an obligation, as the console would; the same `eventId` is a redelivery. */
  async review(review: ObligationReviewedV1, eventId?: string): Promise<string> {
    return this.publisher.publish(Topics.ObligationReviewedV1, review, {
      key: review.agreementId,
      ...(eventId ? { eventId } : {}),
    });
  }

  statusEvents(subject: string): MilestoneStatusChangedV1[] {
    return statusEvents(this.recorder, this.namespace, subject);
  }

  reminderEvents(subject: string): MilestoneReminderV1[] {
    return reminderEvents(this.recorder, this.namespace, subject);
  }

  async stop(): Promise<void> {
    await this.publisher.stop();
    await this.recorder.stop();
    await this.scheduler.app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), this.namespace);
  }
}
