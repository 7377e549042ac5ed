import { ReadModelProjector } from '@dealwatch/console/data-access';
import { Topics } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';

import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { LiveFeed } from './live-feed';

/** Every public topic the console shows, folded into its read model. */
@Injectable()
export class ProjectionsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly live: LiveFeed,
  ) {}

  onModuleInit(): void {
    const events = this.subscriptions;
    events.on(Topics.AgreementIngestedV1, async ({ payload }, manager) => {
      await ReadModelProjector.agreementIngested(manager, payload);
      this.live.queue({ kind: 'agreement', agreementId: payload.agreementId });
    });
    events.on(Topics.ClausesExtractedV1, async ({ payload }, manager) => {
      await ReadModelProjector.clausesExtracted(manager, payload);
      this.live.queue({ kind: 'agreement', agreementId: payload.agreementId });
    });
    events.on(Topics.MilestoneScheduledV1, async ({ payload, envelope }, manager) => {
      await ReadModelProjector.milestoneScheduled(manager, payload, envelope.time);
      this.live.queue({ kind: 'milestone', agreementId: payload.agreementId });
    });
    events.on(Topics.MilestoneStatusChangedV1, async ({ payload }, manager) => {
      await ReadModelProjector.milestoneStatusChanged(manager, payload);
      this.live.queue({ kind: 'milestone', agreementId: payload.agreementId });
    });
    events.on(Topics.MilestoneReminderV1, async ({ payload }, manager) => {
      await ReadModelProjector.reminderFired(manager, payload);
      this.live.queue({ kind: 'alert', agreementId: payload.agreementId });
    });
    events.on(Topics.AlertDeliveredV1, async ({ payload }, manager) => {
      await ReadModelProjector.alertDelivered(manager, payload);
      this.live.queue({ kind: 'alert', agreementId: payload.agreementId });
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
}
