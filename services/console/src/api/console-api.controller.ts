import { ReadModelQueries } from '@dealwatch/console/data-access';
import { CLOCK } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  Sse,
} from '@nestjs/common';
import type { MessageEvent } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map } from 'rxjs';
import type { Observable } from 'rxjs';

import { LiveFeed } from '../read-model/live-feed';
import { TimelineQuery } from './timeline.query';
import { uploadBody } from './upload-body';
import { Upstream } from './upstream';

@Controller('api')
export class ConsoleApiController {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly live: LiveFeed,
    private readonly upstream: Upstream,
    @Inject(CLOCK) private readonly clock: Clock,
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
  async agreement(@Param('id', new ParseUUIDPipe()) id: string) {
    const found = await this.queries.agreement(id);
    if (!found) throw new NotFoundException(`no agreement ${id} in the console yet`);
    return found;
  }

  @Get('alerts')
  async alerts() {
    return { items: await this.queries.alerts() };
  }

  /** Server-sent events: one message per committed change, so pages refresh without reloading. */
  @Sse('events')
  events(): Observable<MessageEvent> {
    return this.live.stream.pipe(map((change) => ({ type: change.kind, data: change })));
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
    const body = await uploadBody(request);
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
