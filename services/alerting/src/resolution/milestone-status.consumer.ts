import { Topics } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';

import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { ResolveAlertsUseCase } from './resolve-alerts.usecase';

/** Milestone status changes resolve alerts (inbox-protected like every consumer). */
@Injectable()
export class MilestoneStatusConsumer implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly resolve: ResolveAlertsUseCase,
  ) {}

  onModuleInit(): void {
    // The delivery worker is woken after every commit (see MilestoneReminderConsumer).
    this.subscriptions.on(Topics.MilestoneStatusChangedV1, (event, manager) =>
      this.resolve.execute(event, manager),
    );
  }
}
