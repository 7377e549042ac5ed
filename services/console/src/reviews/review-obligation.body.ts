import { IsCalendarDate, reviewVerdicts } from '@dealwatch/contracts';
import type { ReviewVerdict } from '@dealwatch/contracts';

import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `POST /api/reviews`: a person's verdict on one extracted obligation, with who and why. */
export class ReviewObligationBody {
  @IsUUID()
  agreementId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  obligationKey!: string;

  @IsIn(reviewVerdicts)
  verdict!: ReviewVerdict;

  /** The right due date: required to correct (another verdict with one is refused by the use case). */
  @ValidateIf((body: ReviewObligationBody) => body.verdict === 'corrected')
  @IsCalendarDate({
    message: 'dueDate must be a calendar date YYYY-MM-DD to correct the obligation',
  })
  dueDate?: string | null;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  by!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
