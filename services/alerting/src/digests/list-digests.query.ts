import { digestStatuses } from '@dealwatch/alerting/data-access';
import type { DigestStatus } from '@dealwatch/alerting/data-access';

import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** `GET /v1/digests` query: optional filters and a page. */
export class ListDigestsQuery {
  @IsOptional()
  @IsString()
  receiver?: string;

  @IsOptional()
  @IsIn(digestStatuses)
  status?: DigestStatus;

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
