import { ReadModelProjector } from '@dealwatch/console/data-access';
import { Topics } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';

import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { LiveFeed } from './live-feed';
import type { LiveChange } from './live-feed';

/** Every public topic the console shows, folded into its read model. */
@Injectable()
export class ProjectionsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly live: LiveFeed,
  ) {}

  onModuleInit(): void {
    const events = this.subscriptions;
    events.onBatch(Topics.AgreementIngestedV1, async (batch, manager) => {
      const payloads = batch.map(({ payload }) => payload);
      await ReadModelProjector.agreementsIngested(manager, payloads);
      this.show('agreement', payloads);
    });
    events.onBatch(Topics.ClausesExtractedV1, async (batch, manager) => {
      const payloads = batch.map(({ payload }) => payload);
      await ReadModelProjector.clausesExtracted(manager, payloads);
      this.show('agreement', payloads);
    });
    events.onBatch(Topics.MilestoneScheduledV1, async (batch, manager) => {
      await ReadModelProjector.milestonesScheduled(
        manager,
        batch.map(({ payload, envelope }) => ({ payload, at: envelope.time })),
      );
      this.show(
        'milestone',
        batch.map(({ payload }) => payload),
      );
    });
    events.onBatch(Topics.MilestoneStatusChangedV1, async (batch, manager) => {
      const payloads = batch.map(({ payload }) => payload);
      await ReadModelProjector.milestoneStatusesChanged(manager, payloads);
      this.show('milestone', payloads);
    });
    events.onBatch(Topics.MilestoneReminderV1, async (batch, manager) => {
      const payloads = batch.map(({ payload }) => payload);
      await ReadModelProjector.remindersFired(manager, payloads);
      this.show('alert', payloads);
    });
    events.onBatch(Topics.AlertDeliveredV1, async (batch, manager) => {
      const payloads = batch.map(({ payload }) => payload);
      await ReadModelProjector.alertsDelivered(manager, payloads);
      this.show('alert', payloads);
    });
    events.on(Topics.AlertAcknowledgedV1, async ({ payload }, manager) => {
      await ReadModelProjector.alertAcknowledged(manager, payload);
      this.live.queue({ kind: 'alert', agreementId: payload.agreementId });
    });
    events.on(Topics.AlertResolvedV1, async ({ payload }, manager) => {
      await ReadModelProjector.alertResolved(manager, payload);
      this.live.queue({ kind: 'alert', agreementId: payload.agreementId });
    });
    events.on(Topics.AlertEscalatedV1, async ({ payload }, manager) => {
      await ReadModelProjector.alertEscalated(manager, payload);
      this.live.queue({ kind: 'alert', agreementId: payload.agreementId });
    });
    events.onCommitted(() => {
      this.live.releaseCommitted();
    });
  }

  private show(kind: LiveChange['kind'], changed: { agreementId: string }[]): void {
    for (const { agreementId } of changed) this.live.queue({ kind, agreementId });
  }
}
