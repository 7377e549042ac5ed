import { IsCalendarDate, IsInstant } from '@dealwatch/contracts';

import { IsOptional, IsString, Validate, ValidateIf } from 'class-validator';

import { ChangeBody } from './change.body';
import { OneDueOnly, ValidTimeZone, needsDueDate } from './due.validators';

/** A new due date (an amendment, an extension): a calendar date in a zone, or an exact instant. */
export class RescheduleMilestoneBody extends ChangeBody {
  @ValidateIf(needsDueDate)
  @Validate(OneDueOnly)
  @IsCalendarDate()
  dueDate?: string;

  @IsOptional()
  @IsInstant()
  dueAt?: string;

  /** Defaults to the milestone's own zone. */
  @IsOptional()
  @IsString()
  @Validate(ValidTimeZone)
  timeZone?: string;
}
