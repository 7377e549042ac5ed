import { IsCalendarDate, IsInstant, IsIsoDuration } from '@dealwatch/contracts';
import { TIME_OF_DAY } from '@dealwatch/milestone-scheduler/domain';

import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Validate,
  ValidateIf,
} from 'class-validator';

import {
  KnownJurisdiction,
  OneDueOnly,
  ValidTimeZone,
  needsDueDate,
} from '../lifecycle/due.validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A milestone entered by hand: due on a calendar date in a zone, or at an exact instant. */
export class CreateMilestoneBody {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ValidateIf(needsDueDate)
  @Validate(OneDueOnly)
  @IsCalendarDate()
  dueDate?: string;

  @IsOptional()
  @IsInstant()
  dueAt?: string;

  /** The zone of `dueDate` (09:00 there), or the zone whose calendar names the day of `dueAt`. */
  @IsOptional()
  @IsString()
  @Validate(ValidTimeZone)
  timeZone?: string;

  @IsOptional()
  @IsUUID()
  agreementId?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  owner?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  category?: string;

  /** The named reminder policy it follows; default: the `default` policy. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'policy must be the name of a reminder policy' })
  policy?: string;

  /** `HH:MM` at which a calendar due date is due and its day offsets fire; default: the policy's. */
  @IsOptional()
  @IsString()
  @Matches(TIME_OF_DAY, { message: 'timeOfDay must be HH:MM, e.g. 09:00' })
  timeOfDay?: string;

  /** ISO country code whose public holidays its reminders avoid, if its policy avoids holidays. */
  @IsOptional()
  @Validate(KnownJurisdiction)
  jurisdiction?: string;

  /** ISO 8601 durations before the due time; overdue is always added. Default: the policy's. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsIsoDuration({ each: true })
  reminders?: string[];

  /** Who entered it, for the audit trail; defaults to the owner. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  by?: string;
}
