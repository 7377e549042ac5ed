import { MilestoneRepository } from '@dealwatch/milestone-scheduler/data-access';
import type { MilestoneCursor } from '@dealwatch/milestone-scheduler/data-access';
import { openStatuses } from '@dealwatch/milestone-scheduler/domain';
import { AcceptsSignedLink } from '@dealwatch/platform';

import { Controller, Get, Header, Query } from '@nestjs/common';

import { filterOf } from '../milestones/list-milestones.query';
import { CalendarFeedQuery } from './calendar-feed.query';
import { CalendarLinkGuard } from './calendar-link.guard';
import { milestoneCalendar } from './milestone-calendar';

const PAGE = 500;
/** A feed calendar apps poll: past this many events, the soonest win. */
const MAX_EVENTS = 10_000;

@Controller('v1')
export class CalendarController {
  constructor(private readonly milestones: MilestoneRepository) {}

  /**
   * Open milestones (pending, due, overdue) as an iCalendar feed to subscribe to; same filters as
   * the list. Calendar apps, which cannot send credentials, use a link of POST /v1/calendar-links.
   */
  @Get('calendar.ics')
  @AcceptsSignedLink(CalendarLinkGuard)
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('content-disposition', 'inline; filename="dealwatch.ics"')
  async feed(@Query() query: CalendarFeedQuery): Promise<string> {
    const open = [];
    let cursor: MilestoneCursor | null = null;
    while (open.length < MAX_EVENTS) {
      const page = await this.milestones.list(
        filterOf(query, openStatuses),
        cursor,
        Math.min(PAGE, MAX_EVENTS - open.length),
      );
      const reminders = await this.milestones.remindersOf(page.map((milestone) => milestone.id));
      for (const milestone of page) {
        open.push({
          milestone,
          reminders: reminders.filter((reminder) => reminder.milestoneId === milestone.id),
        });
      }
      const last = page.at(-1);
      if (!last || page.length < PAGE) break;
      cursor = last;
    }
    return milestoneCalendar(open);
  }
}
