import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';

import { IsCalendarDate, IsInstant } from '../../validation/date-validators';

export class ScheduledReminderV1 {
  @IsUUID()
  reminderId!: string;

  /** ISO 8601 duration before the due time (`P7D`, `PT0S`), or `overdue`. */
  @IsString()
  offset!: string;

  @IsInstant()
  fireAt!: string;

  @IsIn(['pending', 'fired', 'skipped'])
  status!: 'pending' | 'fired' | 'skipped';
}

/** `dealwatch.milestone.scheduled.v1`: a milestone was created or its schedule changed. */
export class MilestoneScheduledV1 {
  @IsUUID()
  milestoneId!: string;

  @IsUUID()
  agreementId!: string;

  @IsString()
  obligationKey!: string;

  @IsString()
  title!: string;

  @IsString()
  category!: string;

  @IsCalendarDate()
  dueDate!: string;

  /** The instant the milestone becomes overdue (end of the due date in its time zone). */
  @IsInstant()
  overdueAt!: string;

  @IsOptional()
  @IsString()
  evidence!: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScheduledReminderV1)
  reminders!: ScheduledReminderV1[];
}
