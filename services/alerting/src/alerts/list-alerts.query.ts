import { alertStates, deliveryStatuses } from '@dealwatch/alerting/data-access';
import type { AlertState, DeliveryStatus } from '@dealwatch/alerting/data-access';

import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** `GET /v1/alerts` query: optional filters and a page. */
export class ListAlertsQuery {
  @IsOptional()
  @IsUUID()
  agreementId?: string;

  @IsOptional()
  @IsUUID()
  milestoneId?: string;

  @IsOptional()
  @IsIn(alertStates)
  state?: AlertState;

  /** Alerts with a delivery in this status; `dead` lists what was given up. */
  @IsOptional()
  @IsIn(deliveryStatuses)
  deliveryStatus?: DeliveryStatus;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}
