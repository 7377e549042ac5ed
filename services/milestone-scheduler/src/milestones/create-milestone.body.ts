import { IsCalendarDate, IsInstant, IsIsoDuration } from '@dealwatch/contracts';

import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Validate,
  ValidateIf,
} from 'class-validator';

import { OneDueOnly, ValidTimeZone, needsDueDate } from '../lifecycle/due.validators';

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

  /** ISO 8601 durations before the due time; overdue is always added. Default: the service's. */
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
