import { IsCalendarDate, milestoneStatuses } from '@dealwatch/contracts';
import type { MilestoneStatus } from '@dealwatch/contracts';
import type { MilestoneFilter } from '@dealwatch/milestone-scheduler/data-access';

import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';

/** Filters of `GET /v1/milestones` and of the calendar feed. */
export class MilestoneFilterQuery {
  @IsOptional()
  @IsUUID()
  agreementId?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  owner?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  category?: string;

  /** One of the agreement's parties, exactly as its extraction names it. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  party?: string;

  /** Due strictly before this calendar date. */
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  /** Due strictly after this calendar date. */
  @IsOptional()
  @IsCalendarDate()
  dueAfter?: string;
}

export class ListMilestonesQuery extends MilestoneFilterQuery {
  /** One status or several, comma separated: `status=due,overdue`. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((status) => status.trim()) : value,
  )
  @IsIn(milestoneStatuses, { each: true })
  status?: MilestoneStatus[];

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** The repository's filter from a validated query; `statuses` narrows further when given. */
export function filterOf(
  query: MilestoneFilterQuery,
  statuses: readonly MilestoneStatus[] | undefined,
): MilestoneFilter {
  const { agreementId, owner, category, party, dueBefore, dueAfter } = query;
  return {
    ...{ agreementId, owner, category, party, dueBefore, dueAfter },
    statuses: statuses && [...statuses],
  };
}
