import { ArrayNotEmpty, IsInt, IsString, IsUUID, Min } from 'class-validator';

import { IsInstant } from '../../validation/date-validators';

/**
 * `dealwatch.alert.escalated.v1`: an overdue alert nobody acknowledged in time went to the next
 * level of receivers of its route (once per level).
 */
export class AlertEscalatedV1 {
  @IsUUID()
  alertId!: string;

  @IsUUID()
  reminderId!: string;

  @IsUUID()
  milestoneId!: string;

  @IsUUID()
  agreementId!: string;

  /** 1 for the first escalation, and so on. */
  @IsInt()
  @Min(1)
  level!: number;

  /** The receivers of this level, by name (those that no longer exist are left out). */
  @ArrayNotEmpty()
  @IsString({ each: true })
  receivers!: string[];

  /** When the alert was first sent: unacknowledged since then. */
  @IsInstant()
  firingSince!: string;

  @IsInstant()
  escalatedAt!: string;
}
