import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

import { IsInstant } from '../../validation/date-validators';

export const resolvingMilestoneStatuses = ['met', 'waived', 'cancelled'] as const;
export type ResolvingMilestoneStatus = (typeof resolvingMilestoneStatuses)[number];

/**
 * `dealwatch.alert.resolved.v1`: an open alert closed because its milestone was met, waived or
 * cancelled (`dealwatch.milestone.status-changed.v1`).
 */
export class AlertResolvedV1 {
  @IsUUID()
  alertId!: string;

  @IsUUID()
  reminderId!: string;

  @IsUUID()
  milestoneId!: string;

  @IsUUID()
  agreementId!: string;

  @IsIn(resolvingMilestoneStatuses)
  milestoneStatus!: ResolvingMilestoneStatus;

  /** Who changed the milestone's status, as the status change says. */
  @IsString()
  actor!: string;

  @IsOptional()
  @IsString()
  reason!: string | null;

  @IsInstant()
  resolvedAt!: string;
}
