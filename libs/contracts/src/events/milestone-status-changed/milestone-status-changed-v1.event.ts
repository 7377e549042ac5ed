import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

import { IsCalendarDate, IsInstant } from '../../validation/date-validators';

export const milestoneStatuses = [
  'tracked',
  'pending',
  'due',
  'overdue',
  'met',
  'waived',
  'cancelled',
] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

/**
 * `dealwatch.milestone.status-changed.v1`: a milestone moved in its lifecycle — by time (pending ->
 * due -> overdue) or by a person (met, waived, cancelled) — or its due date was rescheduled.
 */
export class MilestoneStatusChangedV1 {
  @IsUUID()
  milestoneId!: string;

  @IsUUID()
  agreementId!: string;

  @IsIn(milestoneStatuses)
  previousStatus!: MilestoneStatus;

  @IsIn(milestoneStatuses)
  status!: MilestoneStatus;

  /** The due date after the change (a reschedule changes it; other changes repeat it). */
  @IsOptional()
  @IsCalendarDate()
  dueDate!: string | null;

  @IsOptional()
  @IsCalendarDate()
  previousDueDate!: string | null;

  @IsInstant()
  changedAt!: string;

  /** Who made the change: a person or system for manual changes, `scheduler` for time-driven ones. */
  @IsString()
  actor!: string;

  @IsOptional()
  @IsString()
  reason!: string | null;
}
