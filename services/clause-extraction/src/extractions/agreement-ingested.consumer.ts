import { Topics } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';

import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { ExtractClausesUseCase } from './extract-clauses.usecase';

@Injectable()
export class AgreementIngestedConsumer implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly extractClauses: ExtractClausesUseCase,
  ) {}

  onModuleInit(): void {
    this.subscriptions.onBatch(Topics.AgreementIngestedV1, (events, manager) =>
      this.extractClauses.execute(events, manager),
    );
  }
}
