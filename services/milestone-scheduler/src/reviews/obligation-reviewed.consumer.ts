import { Topics } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';

import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { ApplyReviewUseCase } from './apply-review.usecase';

@Injectable()
export class ObligationReviewedConsumer implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly applyReview: ApplyReviewUseCase,
  ) {}

  onModuleInit(): void {
    this.subscriptions.on(Topics.ObligationReviewedV1, (event, manager) =>
      this.applyReview.execute(event, manager),
    );
  }
}
