import { IsOptional, Matches } from 'class-validator';

import { MilestoneFilterQuery } from '../milestones/list-milestones.query';

/** The feed's filters, and the expiry and signature of a subscription link (checked by its guard). */
export class CalendarFeedQuery extends MilestoneFilterQuery {
  /** Unix seconds after which the link no longer works. */
  @IsOptional()
  @Matches(/^\d{1,12}$/, { message: 'exp must be unix seconds' })
  exp?: string;

  /** HMAC-SHA256 (base64url) of the path, the filters and exp. */
  @IsOptional()
  @Matches(/^[\w-]{1,100}$/, { message: 'sig must be base64url' })
  sig?: string;
}
