import { ObligationReviewRepository, ReadModelQueries } from '@dealwatch/console/data-access';
import type { ObligationReviewEntity } from '@dealwatch/console/data-access';
import { ENV } from '@dealwatch/platform';

import { Body, Controller, Get, Inject, Post } from '@nestjs/common';

import type { ConsoleEnv } from '../console.env';
import { ReviewObligationBody } from './review-obligation.body';
import { ReviewObligationUseCase } from './review-obligation.usecase';

@Controller('api/reviews')
export class ReviewsController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly reviews: ObligationReviewRepository,
    private readonly reviewObligation: ReviewObligationUseCase,
    @Inject(ENV) private readonly env: ConsoleEnv,
  ) {}

  /** The queue (obligations below the confidence threshold not yet reviewed) and the latest reviews. */
  @Get()
  async queue() {
    const threshold = this.env.CONSOLE_REVIEW_CONFIDENCE_BELOW;
    return {
      confidenceBelow: threshold,
      items: await this.queries.reviewQueue(threshold),
      reviewed: (await this.reviews.recent()).map(reviewView),
    };
  }

  /** Confirms, corrects (with `dueDate`) or dismisses an obligation; 409 if it was reviewed already. */
  @Post()
  async review(@Body() body: ReviewObligationBody) {
    return reviewView(await this.reviewObligation.execute(body));
  }
}

function reviewView(review: ObligationReviewEntity) {
  return {
    id: review.id,
    agreementId: review.agreementId,
    obligationKey: review.obligationKey,
    verdict: review.verdict,
    dueDate: review.dueDate,
    extractedDueDate: review.extractedDueDate,
    confidence: review.confidence,
    by: review.reviewedBy,
    reason: review.reason,
    reviewedAt: review.reviewedAt.toISOString(),
  };
}
