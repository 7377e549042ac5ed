import { IsInt, IsString, IsUUID, Min } from 'class-validator';

import { IsInstant } from '../../validation/date-validators';

/** `dealwatch.alert.delivered.v1`: a receiver accepted an alert (a 2xx answer). */
export class AlertDeliveredV1 {
  @IsUUID()
  alertId!: string;

  @IsUUID()
  reminderId!: string;

  @IsUUID()
  milestoneId!: string;

  @IsUUID()
  agreementId!: string;

  /** The receiver's name, never its secret or full URL (which may embed a token). */
  @IsString()
  receiver!: string;

  @IsInt()
  @Min(1)
  attempts!: number;

  @IsInstant()
  deliveredAt!: string;
}
