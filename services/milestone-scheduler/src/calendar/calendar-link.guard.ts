import type { AuthenticatedRequest } from '@dealwatch/auth';
import { checkCalendarLink } from '@dealwatch/milestone-scheduler/domain';
import type { QueryParameters } from '@dealwatch/milestone-scheduler/domain';
import { CLOCK, ENV, ProblemException } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import type { SchedulerEnv } from '../scheduler.env';

const INVALID =
  'the calendar link’s signature does not match its address: it was changed, or signed with ' +
  'another secret; create a new link with POST /v1/calendar-links';

/**
 * Lets the calendar feed be read with a signed subscription link instead of a credential. A
 * request the platform authenticated passes as it is; one it let through unauthenticated carries
 * `exp` and `sig`, which must verify.
 */
@Injectable()
export class CalendarLinkGuard implements CanActivate {
  private readonly secret: Buffer;

  constructor(
    @Inject(ENV) env: SchedulerEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.secret = Buffer.from(env.SCHEDULER_CALENDAR_LINK_SECRET, 'base64');
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    if (request.principal) return true;
    const query = request.query as QueryParameters;
    const check = checkCalendarLink(request.path, query, this.secret, this.clock.now());
    if (check === 'valid') return true;
    const detail =
      check === 'expired'
        ? `the calendar link expired at ${new Date(Number(query['exp']) * 1000).toISOString()}; create a new one with POST /v1/calendar-links`
        : INVALID;
    throw new ProblemException(401, { detail });
  }
}
