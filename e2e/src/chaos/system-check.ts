import { Topics } from '@dealwatch/contracts';
import type { Topic } from '@dealwatch/contracts';
import { ConsumerLag, apiFetch, serviceNames } from '@dealwatch/testing';
import type { ReceivedRequest, ServiceName } from '@dealwatch/testing';

import type { Pipeline } from '../pipeline';
import type { IngestedAgreement } from './steady-load';

/**
 * The topics each service's consumer group reads (see its consumers' `subscriptions.on`); lag is
 * summed over them. Ingest reads none.
 */
export const consumedTopics: Partial<Record<ServiceName, Topic[]>> = {
  'clause-extraction': [Topics.AgreementIngestedV1],
  'milestone-scheduler': [Topics.ClausesExtractedV1, Topics.ObligationReviewedV1],
  alerting: [
    Topics.MilestoneReminderV1,
    Topics.ClausesExtractedV1,
    Topics.MilestoneScheduledV1,
    Topics.MilestoneStatusChangedV1,
  ],
  console: [
    Topics.AgreementIngestedV1,
    Topics.ClausesExtractedV1,
    Topics.MilestoneScheduledV1,
    Topics.MilestoneStatusChangedV1,
    Topics.MilestoneReminderV1,
    Topics.AlertDeliveredV1,
    Topics.AlertAcknowledgedV1,
    Topics.AlertResolvedV1,
    Topics.AlertEscalatedV1,
  ],
};

interface MilestoneView {
  id: string;
  dueDate: string | null;
  reminders: { id: string; offset: string; fireAt: string; status: string }[];
}

interface ReminderAlert {
  type: string;
  data: { reminderId: string; milestoneId: string; offset: string; agreementId: string };
}

/** What an agreement still lacks; empty once it has all it should. */
export interface Shortfall {
  agreementId: string;
  lacks: string;
}

export interface Duplicates {
  /** Alerts (a milestone's reminder) that arrived more than once. */
  alerts: number;
  /** Of those, the ones whose repeats did not all carry the same webhook-id. */
  untagged: number;
}

export type HealthAnswer =
  { reachable: true; status: number; down: string[] } | { reachable: false; error: string };

/**
 * What the fault tests assert, seen only from outside the services: milestones through the
 * scheduler's API, alerts at the receiver, lag from Kafka, readiness from /health.
 */
export class SystemCheck {
  /** Agreements already found whole: what is stored stays stored, so they are not asked again. */
  private readonly whole = new Set<string>();

  constructor(private readonly pipeline: Pipeline) {}

  /**
   * What the given agreements lack: a milestone for each deadline they state, a fired reminder for
   * each one due, and for each fired reminder its alert at the receiver.
   */
  async shortfalls(agreements: IngestedAgreement[]): Promise<Shortfall[]> {
    const alerted = new Set(this.reminderAlerts().map(({ alert }) => alert.data.reminderId));
    const open = agreements.filter(({ agreementId }) => !this.whole.has(agreementId));
    const found: Shortfall[] = [];
    for (let start = 0; start < open.length; start += 8) {
      const batch = open.slice(start, start + 8);
      const lacking = await Promise.all(batch.map((agreement) => this.lacks(agreement, alerted)));
      batch.forEach((agreement, i) => {
        const lacks = lacking[i];
        if (lacks) found.push({ agreementId: agreement.agreementId, lacks });
        else this.whole.add(agreement.agreementId);
      });
    }
    return found;
  }

  /** Deliveries of one alert beyond the first, counted per alert (a milestone's reminder). */
  duplicates(): Duplicates {
    const byAlert = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    for (const { alert, webhookId } of this.reminderAlerts()) {
      const key = `${alert.data.milestoneId} ${alert.data.offset}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      byAlert.set(key, (byAlert.get(key) ?? new Set()).add(webhookId));
    }
    let alerts = 0;
    let untagged = 0;
    for (const [key, count] of counts) {
      if (count < 2) continue;
      alerts++;
      if ((byAlert.get(key)?.size ?? 0) > 1) untagged++;
    }
    return { alerts, untagged };
  }

  /** Messages each consumer group has yet to commit, summed over the topics it reads. */
  async consumerLag(brokers: string): Promise<Record<string, number>> {
    const lag = await new ConsumerLag(brokers.split(',')).start();
    try {
      const result: Record<string, number> = {};
      for (const [service, topics] of Object.entries(consumedTopics)) {
        let sum = 0;
        for (const topic of topics)
          sum += await lag.of(
            `${this.pipeline.namespace.topicPrefix}${service}`,
            this.pipeline.topic(topic),
          );
        result[service] = sum;
      }
      return result;
    } finally {
      await lag.stop();
    }
  }

  /** Every service's readiness answer, or why it gave none. */
  async health(): Promise<Record<ServiceName, HealthAnswer>> {
    const answers = await Promise.all(
      serviceNames.map(async (name): Promise<HealthAnswer> => {
        try {
          const response = await fetch(`${this.pipeline.services[name].url}/health`, {
            signal: AbortSignal.timeout(5_000),
          });
          const { checks } = (await response.json()) as {
            checks: Record<string, { status: string }>;
          };
          const down = Object.entries(checks)
            .filter(([, check]) => check.status !== 'up')
            .map(([dependency]) => dependency);
          return { reachable: true, status: response.status, down };
        } catch (error) {
          return { reachable: false, error: String(error) };
        }
      }),
    );
    return Object.fromEntries(serviceNames.map((name, i) => [name, answers[i]!])) as Record<
      ServiceName,
      HealthAnswer
    >;
  }

  private async lacks(agreement: IngestedAgreement, alerted: Set<string>): Promise<string | null> {
    const response = await apiFetch(
      `${this.pipeline.services['milestone-scheduler'].url}/v1/milestones?agreementId=${agreement.agreementId}`,
      { signal: AbortSignal.timeout(10_000) },
    );
    if (response.status !== 200) return `milestones unreadable (${response.status})`;
    const { items } = (await response.json()) as { items: MilestoneView[] };
    const dueDates = items.flatMap((milestone) => (milestone.dueDate ? [milestone.dueDate] : []));
    const expected = [...agreement.dueDates].sort();
    if (JSON.stringify(dueDates.sort()) !== JSON.stringify(expected))
      return `milestones due ${dueDates.join(', ') || 'none'}, not ${expected.join(', ')}`;
    const now = Date.now();
    for (const reminder of items.flatMap((milestone) => milestone.reminders)) {
      if (reminder.status === 'skipped' || reminder.status === 'cancelled') continue;
      if (new Date(reminder.fireAt).getTime() > now) continue;
      if (reminder.status !== 'fired')
        return `reminder ${reminder.offset} due but ${reminder.status}`;
      if (!alerted.has(reminder.id)) return `reminder ${reminder.offset} fired, no alert received`;
    }
    return null;
  }

  private reminderAlerts(): { alert: ReminderAlert; webhookId: string }[] {
    return this.pipeline.receiver.accepted.flatMap((request: ReceivedRequest) => {
      const alert = JSON.parse(request.body) as ReminderAlert;
      return alert.type === 'milestone.reminder'
        ? [{ alert, webhookId: String(request.headers['webhook-id']) }]
        : [];
    });
  }
}
