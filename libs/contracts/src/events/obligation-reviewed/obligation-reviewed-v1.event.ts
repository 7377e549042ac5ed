import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';

import { IsCalendarDate, IsInstant } from '../../validation/date-validators';

export const reviewVerdicts = ['confirmed', 'corrected', 'dismissed'] as const;
export type ReviewVerdict = (typeof reviewVerdicts)[number];

/**
 * `dealwatch.obligation.reviewed.v1`: a person checked an extracted obligation (one review per
 * obligation). `confirmed` keeps it as extracted, `corrected` gives it the right due date and
 * `dismissed` says it is not an obligation at all; a later extraction does not undo either.
 */
export class ObligationReviewedV1 {
  @IsUUID()
  reviewId!: string;

  @IsUUID()
  agreementId!: string;

  /** The obligation's key in `dealwatch.clauses.extracted.v1`, which its milestone carries too. */
  @IsString()
  @IsNotEmpty()
  obligationKey!: string;

  @IsIn(reviewVerdicts)
  verdict!: ReviewVerdict;

  /** The right due date: set for `corrected`, null otherwise. */
  @ValidateIf(
    (review: ObligationReviewedV1) => review.verdict === 'corrected' || review.dueDate != null,
  )
  @IsCalendarDate()
  dueDate!: string | null;

  /** The due date the extraction gave, as the reviewer saw it (null when it had none). */
  @IsOptional()
  @IsCalendarDate()
  extractedDueDate!: string | null;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  by!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @IsInstant()
  reviewedAt!: string;
}
