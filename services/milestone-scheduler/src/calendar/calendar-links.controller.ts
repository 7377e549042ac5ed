import { calendarLink, calendarLinkValidityMs } from '@dealwatch/milestone-scheduler/domain';
import { CLOCK, ENV, LOGGER, Roles } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Body, Controller, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Logger } from 'pino';

import { LOCAL_CALENDAR_LINK_SECRET } from '../scheduler.env';
import type { SchedulerEnv } from '../scheduler.env';
import { CreateCalendarLinkBody } from './create-calendar-link.body';

export interface CalendarLinkView {
  url: string;
  expiresAt: string;
}

@Controller('v1')
export class CalendarLinksController {
  private readonly secret: Buffer;

  constructor(
    @Inject(ENV) private readonly env: SchedulerEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.secret = Buffer.from(env.SCHEDULER_CALENDAR_LINK_SECRET, 'base64');
    if (env.SCHEDULER_CALENDAR_LINK_SECRET === LOCAL_CALENDAR_LINK_SECRET) {
      logger.warn(
        'SCHEDULER_CALENDAR_LINK_SECRET is the local development default: anyone can sign calendar links; set a real one',
      );
    }
  }

  /**
   * A signed subscription URL of the calendar feed, for calendar apps that cannot send
   * credentials; its filters and expiry cannot be changed. Reading the feed needs only a viewer.
   */
  @Post('calendar-links')
  @Roles('viewer')
  create(@Body() body: CreateCalendarLinkBody, @Req() request: Request): CalendarLinkView {
    // The body's validation has checked the validity already.
    const validForMs = calendarLinkValidityMs(body.validFor) ?? 0;
    const expiresAt = new Date(this.clock.now().getTime() + validForMs);
    const { agreementId, owner, category, party, dueBefore, dueAfter } = body;
    const filters = { agreementId, owner, category, party, dueBefore, dueAfter };
    return {
      url: calendarLink(this.baseUrlFor(request), filters, expiresAt, this.secret),
      expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
    };
  }

  private baseUrlFor(request: Request): string {
    return this.env.SCHEDULER_PUBLIC_URL ?? `${request.protocol}://${request.get('host') ?? ''}`;
  }
}
