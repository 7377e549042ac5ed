import { ObligationReviewRepository } from '@dealwatch/console/data-access';
import type { ObligationReviewEntity } from '@dealwatch/console/data-access';
import { Topics } from '@dealwatch/contracts';
import { EventOutbox } from '@dealwatch/messaging';
import { timeOrderedUuid } from '@dealwatch/persistence';
import { CLOCK, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';

import { LiveFeed } from '../read-model/live-feed';
import type { ReviewObligationBody } from './review-obligation.body';

/** A closed milestone is final: the scheduler would refuse to move or cancel it. */
const CLOSED = new Set(['met', 'waived', 'cancelled']);

/**
 * Records a person's review of an extracted obligation and announces it
 * (`dealwatch.obligation.reviewed.v1`) in the same transaction, for the scheduler to move the
 * milestone. An obligation is reviewed once; the console must have seen it in an extraction.
 */
@Injectable()
export class ReviewObligationUseCase {
  constructor(
    private readonly reviews: ObligationReviewRepository,
    private readonly outbox: EventOutbox,
    private readonly transactions: Transactions,
    private readonly live: LiveFeed,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(body: ReviewObligationBody): Promise<ObligationReviewEntity> {
    if (body.verdict !== 'corrected' && body.dueDate != null)
      throw new BadRequestException(['dueDate: only a corrected review has a due date']);
    const { agreementId, obligationKey } = body;
    const review = await this.transactions.run(async (manager) => {
      const obligation = await this.reviews.obligation(manager, agreementId, obligationKey);
      if (!obligation) {
        throw new NotFoundException(
          `no obligation "${obligationKey}" in the latest extraction of agreement ${agreementId}`,
        );
      }
      const status = await this.reviews.milestoneStatus(manager, agreementId, obligationKey);
      if (body.verdict !== 'confirmed' && status && CLOSED.has(status)) {
        throw new ConflictException(
          `the milestone of obligation "${obligationKey}" is ${status}: it can no longer be ${body.verdict}`,
        );
      }
      const recorded: ObligationReviewEntity = {
        id: timeOrderedUuid(),
        agreementId,
        obligationKey,
        verdict: body.verdict,
        dueDate: body.verdict === 'corrected' ? (body.dueDate ?? null) : null,
        extractedDueDate: obligation.deadline?.dueDate ?? null,
        confidence: obligation.confidence,
        reviewedBy: body.by,
        reason: body.reason,
        reviewedAt: this.clock.now(),
      };
      if (!(await this.reviews.record(manager, recorded))) {
        const earlier = await this.reviews.find(agreementId, obligationKey);
        throw new ConflictException(
          `obligation "${obligationKey}" was already reviewed${earlier ? ` (${earlier.verdict} by ${earlier.reviewedBy})` : ''}`,
        );
      }
      await this.outbox.append(
        manager,
        Topics.ObligationReviewedV1,
        {
          reviewId: recorded.id,
          agreementId,
          obligationKey,
          verdict: recorded.verdict,
          dueDate: recorded.dueDate,
          extractedDueDate: recorded.extractedDueDate,
          by: recorded.reviewedBy,
          reason: recorded.reason,
          reviewedAt: recorded.reviewedAt.toISOString(),
        },
        { subject: agreementId, eventId: recorded.id },
      );
      return recorded;
    });
    this.live.announce({ kind: 'review', agreementId });
    return review;
  }
}
