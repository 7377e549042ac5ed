import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';

import { IsInstant } from '../../validation/date-validators';

export const acknowledgementChannels = ['api', 'link'] as const;
export type AcknowledgementChannel = (typeof acknowledgementChannels)[number];

/** `dealwatch.alert.acknowledged.v1`: a person took an alert on (once per alert). */
export class AlertAcknowledgedV1 {
  @IsUUID()
  alertId!: string;

  @IsUUID()
  reminderId!: string;

  @IsUUID()
  milestoneId!: string;

  @IsUUID()
  agreementId!: string;

  /** Who, as they gave it (`POST /v1/alerts/:id/ack`), or `one-click link`. */
  @IsString()
  acknowledgedBy!: string;

  @IsOptional()
  @IsString()
  comment!: string | null;

  /** Through the API, or the signed link in a notification. */
  @IsIn(acknowledgementChannels)
  via!: AcknowledgementChannel;

  @IsInstant()
  acknowledgedAt!: string;
}
