import { AgreementLabelsRepository } from '@dealwatch/alerting/data-access';
import { Topics } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';

import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

/**
 * Keeps what routes and silences match as `party` and `binding`: the parties and obligations of
 * each extraction, and the obligation each scheduled milestone tracks (inbox-protected like every
 * consumer). An alert takes the labels known when it is recorded.
 */
@Injectable()
export class AgreementLabelsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly labels: AgreementLabelsRepository,
  ) {}

  onModuleInit(): void {
    this.subscriptions.onBatch(Topics.ClausesExtractedV1, (events, manager) =>
      this.labels.recordExtractions(
        manager,
        events.map(({ payload }) => ({
          agreementId: payload.agreementId,
          extractedAt: new Date(payload.extractedAt),
          parties: payload.parties,
          obligations: payload.obligations.map(({ obligationKey, binding }) => ({
            obligationKey,
            binding,
          })),
        })),
      ),
    );
    this.subscriptions.onBatch(Topics.MilestoneScheduledV1, (events, manager) =>
      this.labels.recordMilestones(
        manager,
        events.map(({ payload }) => ({
          milestoneId: payload.milestoneId,
          agreementId: payload.agreementId,
          obligationKey: payload.obligationKey,
        })),
      ),
    );
  }
}
