import { ParseUuidPipe } from '@dealwatch/platform';

import { Body, Controller, Delete, Get, Headers, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';

import { Upstream } from '../api/upstream';
import { LiveFeed } from '../read-model/live-feed';
import { AcknowledgeAlertBody, SilenceMilestoneBody } from './alert-actions.body';

const JSON_TYPE = 'application/json';

/**
 * Acknowledging and silencing are alerting's to decide: the console checks the request, sends it to
 * alerting's API with the caller's `Authorization` header, and answers with what alerting answered.
 */
@Controller('api')
export class AlertActionsController {
  constructor(
    private readonly upstream: Upstream,
    private readonly live: LiveFeed,
  ) {}

  /** The page updates when alerting announces the acknowledgement (`dealwatch.alert.acknowledged.v1`). */
  @Post('alerts/:id/ack')
  async acknowledge(
    @Param('id', new ParseUuidPipe()) id: string,
    @Body() body: AcknowledgeAlertBody,
    @Res() response: Response,
    @Headers('authorization') authorization?: string,
  ): Promise<void> {
    await this.upstream.forward(response, {
      service: 'alerting',
      method: 'POST',
      path: `/v1/alerts/${id}/ack`,
      authorization,
      contentType: JSON_TYPE,
      body: JSON.stringify({ by: body.by, comment: body.comment }),
    });
  }

  @Get('silences')
  async silences(
    @Res() response: Response,
    @Headers('authorization') authorization?: string,
  ): Promise<void> {
    await this.upstream.forward(response, {
      service: 'alerting',
      method: 'GET',
      path: '/v1/silences',
      authorization,
    });
  }

  /** Alerting announces no event for silences, so the console tells open pages itself. */
  @Post('silences')
  async silence(
    @Body() body: SilenceMilestoneBody,
    @Res() response: Response,
    @Headers('authorization') authorization?: string,
  ): Promise<void> {
    const created = await this.upstream.forward(response, {
      service: 'alerting',
      method: 'POST',
      path: '/v1/silences',
      authorization,
      contentType: JSON_TYPE,
      body: JSON.stringify({
        matchers: [`milestoneId="${body.milestoneId}"`],
        endsAt: body.endsAt,
        createdBy: body.by,
        comment: body.comment,
      }),
    });
    if (created) this.live.announce({ kind: 'alert', agreementId: null });
  }

  @Delete('silences/:id')
  async expireSilence(
    @Param('id', new ParseUuidPipe()) id: string,
    @Res() response: Response,
    @Headers('authorization') authorization?: string,
  ): Promise<void> {
    const expired = await this.upstream.forward(response, {
      service: 'alerting',
      method: 'DELETE',
      path: `/v1/silences/${id}`,
      authorization,
    });
    if (expired) this.live.announce({ kind: 'alert', agreementId: null });
  }
}
