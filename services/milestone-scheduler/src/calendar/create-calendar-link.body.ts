import {
  DEFAULT_LINK_VALIDITY,
  MAX_LINK_VALIDITY,
  calendarLinkValidityMs,
} from '@dealwatch/milestone-scheduler/domain';

import { IsOptional, ValidateBy } from 'class-validator';

import { MilestoneFilterQuery } from '../milestones/list-milestones.query';

/** `POST /v1/calendar-links`: the feed's filters, which the link fixes, and how long it works. */
export class CreateCalendarLinkBody extends MilestoneFilterQuery {
  /** ISO 8601 duration; P1Y unless given, at most P2Y. */
  @IsOptional()
  @ValidateBy({
    name: 'isCalendarLinkValidity',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && calendarLinkValidityMs(value) !== null,
      defaultMessage: () =>
        `validFor must be an ISO 8601 duration longer than zero and at most ${MAX_LINK_VALIDITY}, e.g. P6M`,
    },
  })
  validFor: string = DEFAULT_LINK_VALIDITY;
}
