import { Topics } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';

import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { ScheduleMilestonesUseCase } from './schedule-milestones.usecase';

@Injectable()
export class ClausesExtractedConsumer implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly scheduleMilestones: ScheduleMilestonesUseCase,
  ) {}

  onModuleInit(): void {
    this.subscriptions.onBatch(Topics.ClausesExtractedV1, (events, manager) =>
      this.scheduleMilestones.execute(events, manager),
    );
  }
}
