import { IsIn, IsInt, IsString, IsUUID, Min } from 'class-validator';

import { IsInstant } from '../../validation/date-validators';

/**
 * `dealwatch.alert.failed.v1`: a notification of an alert was given up for one receiver: refused
 * for good, or still failing when its retry budget ran out. The delivery stays `dead` in
 * `GET /v1/alerts/:id`; nothing is sent to that receiver for it any more.
 */
export class AlertFailedV1 {
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

  /** Which notification of the alert failed: that it fires, resolved, or escalated. */
  @IsIn(['firing', 'resolved', 'escalated'])
  notification!: 'firing' | 'resolved' | 'escalated';

  @IsInt()
  @Min(1)
  attempts!: number;

  /** Why it was given up, e.g. `rejected: HTTP 410` or the last failure when retries ran out. */
  @IsString()
  reason!: string;

  @IsInstant()
  failedAt!: string;
}
