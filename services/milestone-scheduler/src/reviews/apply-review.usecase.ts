import type { ObligationReviewedV1, Topics } from '@dealwatch/contracts';
import { UnprocessableEventError } from '@dealwatch/messaging';
import type { DecodedEvent } from '@dealwatch/messaging';
import { MilestoneRepository } from '@dealwatch/milestone-scheduler/data-access';
import type { MilestoneEntity } from '@dealwatch/milestone-scheduler/data-access';
import { checkReview } from '@dealwatch/milestone-scheduler/domain';
import { CLOCK } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { MilestoneLifecycle } from '../lifecycle/milestone-lifecycle';
import type { Change } from '../lifecycle/milestone-lifecycle';

/**
 * A person's review of an extracted obligation, applied to its milestone: corrected reschedules it
 * (unfired reminders planned again), dismissed cancels it, confirmed leaves a history row only. The
 * verdict stays on the milestone so a re-extraction does not undo it. A review that cannot apply (no
 * such milestone, or one already closed) goes to the DLQ with the reason.
 */
@Injectable()
export class ApplyReviewUseCase {
  constructor(
    private readonly milestones: MilestoneRepository,
    private readonly lifecycle: MilestoneLifecycle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    event: DecodedEvent<typeof Topics.ObligationReviewedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const review = event.payload;
    const milestone = await this.reviewed(manager, review);
    const change: Change = {
      actor: review.by,
      reason: `${review.verdict} in review: ${review.reason}`,
      at: this.clock.now(),
      correlationId: event.envelope.correlationId,
      causationId: event.envelope.id,
    };
    // A confirmation adds to an earlier correction or dismissal; it does not take its place.
    await this.milestones.update(manager, milestone, {
      reviewVerdict:
        review.verdict === 'confirmed' ? (milestone.reviewVerdict ?? 'confirmed') : review.verdict,
    });
    switch (review.verdict) {
      case 'confirmed':
        await this.lifecycle.note(manager, milestone, change);
        return;
      case 'corrected':
        await this.lifecycle.reschedule(
          manager,
          milestone,
          { dueDate: correctedDueDate(review), timeZone: milestone.timeZone },
          change,
        );
        return;
      case 'dismissed':
        await this.lifecycle.close(manager, milestone, 'cancelled', change);
    }
  }

  /** The obligation's milestone, locked, if the review can apply to it. */
  private async reviewed(
    manager: EntityManager,
    review: ObligationReviewedV1,
  ): Promise<MilestoneEntity> {
    const { agreementId, obligationKey, verdict } = review;
    const milestone = await this.milestones.lockByObligation(manager, agreementId, obligationKey);
    if (!milestone) {
      throw new UnprocessableEventError(
        `no milestone for obligation "${obligationKey}" of agreement ${agreementId}: the ${verdict} review cannot apply`,
      );
    }
    const check = checkReview(milestone.status, verdict);
    if (!check.allowed) {
      throw new UnprocessableEventError(
        `${check.reason} (obligation "${obligationKey}" of agreement ${agreementId})`,
      );
    }
    return milestone;
  }
}

/** The contract requires a due date with a correction; this only tells the compiler so. */
function correctedDueDate(review: ObligationReviewedV1): string {
  if (!review.dueDate) throw new UnprocessableEventError('dueDate: a correction needs a due date');
  return review.dueDate;
}
