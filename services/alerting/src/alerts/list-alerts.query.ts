import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** `GET /v1/alerts` query: optional filters and a page. */
export class ListAlertsQuery {
  @IsOptional()
  @IsUUID()
  agreementId?: string;

  @IsOptional()
  @IsUUID()
  milestoneId?: string;

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
