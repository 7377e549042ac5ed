import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';

import { IsCalendarDate, IsInstant } from '../../validation/date-validators';

export class ReminderEvidenceV1 {
  @IsString()
  text!: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsInt({ each: true })
  span!: [number, number] | null;
}

/** `dealwatch.milestone.reminder.v1`: a reminder of a milestone came due. */
export class MilestoneReminderV1 {
  /** Stable: a redelivered or re-fired reminder keeps its id, so receivers can de-duplicate. */
  @IsUUID()
  reminderId!: string;

  @IsUUID()
  milestoneId!: string;

  @IsUUID()
  agreementId!: string;

  @IsString()
  title!: string;

  @IsString()
  category!: string;

  /** ISO 8601 duration before the due time (`P7D`, `PT0S`), or `overdue`. */
  @IsString()
  offset!: string;

  @IsCalendarDate()
  dueDate!: string;

  /** The instant the reminder was meant to fire. */
  @IsInstant()
  scheduledFor!: string;

  @IsInstant()
  firedAt!: string;

  /** True when it fired well after `scheduledFor` (the scheduler was down at the time). */
  @IsBoolean()
  late!: boolean;

  @IsOptional()
  @IsString()
  agreementTitle!: string | null;

  @ValidateNested()
  @Type(() => ReminderEvidenceV1)
  evidence!: ReminderEvidenceV1;
}
