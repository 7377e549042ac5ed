import { byteSizeOf } from '@dealwatch/config';
import { ReadModelQueries } from '@dealwatch/console/data-access';
import { Authenticator, CLOCK, CurrentPrincipal, ENV, ParseUuidPipe } from '@dealwatch/platform';
import type { Clock, Principal } from '@dealwatch/platform';

import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  Sse,
} from '@nestjs/common';
import type { MessageEvent } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  concatMap,
  endWith,
  filter,
  ignoreElements,
  interval,
  map,
  merge,
  share,
  takeUntil,
  takeWhile,
} from 'rxjs';
import type { Observable } from 'rxjs';

import type { ConsoleEnv } from '../console.env';
import { LiveFeed } from '../read-model/live-feed';
import { TimelineQuery } from './timeline.query';
import { uploadBody } from './upload-body';
import { Upstream } from './upstream';

/** How often an idle event stream checks that its caller still may listen. */
const REVALIDATE_MS = 30_000;

@Controller('api')
export class ConsoleApiController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly live: LiveFeed,
    private readonly upstream: Upstream,
    private readonly authenticator: Authenticator,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: ConsoleEnv,
  ) {}

  /** Open milestones due within the next `months` (default 12), overdue ones first. */
  @Get('timeline')
  async timeline(@Query() query: TimelineQuery) {
    const today = this.clock.now();
    const until = new Date(today);
    until.setUTCMonth(until.getUTCMonth() + (query.months ?? 12));
    const from = today.toISOString().slice(0, 10);
    return {
      from,
      to: until.toISOString().slice(0, 10),
      items: await this.queries.timeline({ from, to: until.toISOString().slice(0, 10) }),
    };
  }

  @Get('agreements')
  async agreements() {
    return { items: await this.queries.agreements() };
  }

  @Get('agreements/:id')
  async agreement(@Param('id', new ParseUuidPipe()) id: string) {
    const found = await this.queries.agreement(id);
    if (!found) throw new NotFoundException(`no agreement ${id} in the console yet`);
    return found;
  }

  @Get('alerts')
  async alerts() {
    return { items: await this.queries.alerts() };
  }

  /**
   * Server-sent events: one message per committed change, so pages refresh without reloading. The
   * stream outlives its request's check: before each message, and every 30 s, it checks again that
   * the caller's key is not revoked (or its token not expired), and ends when it is.
   */
  @Sse('events')
  events(@CurrentPrincipal() caller: Principal): Observable<MessageEvent> {
    const changes = this.live.stream.pipe(share());
    const ended = changes.pipe(ignoreElements(), endWith(true));
    const ticks = interval(REVALIDATE_MS).pipe(
      takeUntil(ended),
      map(() => null),
    );
    return merge(changes, ticks).pipe(
      concatMap(async (change) => ({
        change,
        allowed: await this.authenticator.stillValid(caller),
      })),
      takeWhile(({ allowed }) => allowed),
      map(({ change }) => change),
      filter((change) => change !== null),
      map((change) => ({ type: change.kind, data: change })),
    );
  }

  /**
   * Uploads go to ingest's public API, exactly as any client would send them: JSON as parsed, any
   * other body (text, HTML, PDF, DOCX) as its bytes, with the Content-Type it came with.
   */
  @Post('agreements')
  async upload(
    @Req() request: Request,
    @Res() response: Response,
    @Headers('content-type') contentType?: string,
    @Headers('authorization') authorization?: string,
  ) {
    const body = await uploadBody(request, byteSizeOf(this.env.CONSOLE_UPLOAD_MAX_BODY));
    await this.upstream.forward(response, {
      service: 'ingest',
      method: 'POST',
      path: '/v1/agreements',
      authorization,
      contentType: contentType ?? 'text/plain',
      body,
    });
  }
}
