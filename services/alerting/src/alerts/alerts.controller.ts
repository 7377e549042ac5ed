import { CurrentPrincipal, ParseUuidPipe, Public } from '@dealwatch/platform';
import type { Principal } from '@dealwatch/platform';

import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';

import { AcknowledgeAlertUseCase } from '../acknowledgement/acknowledge-alert.usecase';
import { AckLinkQuery, AcknowledgeBody } from '../acknowledgement/acknowledge.body';
import { AlertHistoryUseCase } from './alert-history.usecase';
import type { AlertView } from './alert-history.usecase';
import { ListAlertsQuery } from './list-alerts.query';

@Controller('v1/alerts')
export class AlertsController {
  constructor(
    private readonly history: AlertHistoryUseCase,
    private readonly acknowledgement: AcknowledgeAlertUseCase,
  ) {}

  /** Newest first, with every delivery and attempt; filter by agreement, milestone, state or delivery status. */
  @Get()
  list(@Query() query: ListAlertsQuery) {
    return this.history.list(
      {
        agreementId: query.agreementId,
        milestoneId: query.milestoneId,
        state: query.state,
        deliveryStatus: query.deliveryStatus,
      },
      { limit: query.limit, offset: query.offset },
    );
  }

  @Get(':id')
  async findOne(@Param('id', new ParseUuidPipe()) id: string): Promise<AlertView> {
    const alert = await this.history.get(id);
    if (!alert) throw new NotFoundException(`no alert ${id}`);
    return alert;
  }

  /** Acknowledges a firing alert; again is a no-op that answers the same. */
  @Post(':id/ack')
  @HttpCode(200)
  acknowledge(
    @Param('id', new ParseUuidPipe()) id: string,
    @Body() body: AcknowledgeBody,
    @CurrentPrincipal() caller: Principal,
  ): Promise<AlertView> {
    return this.acknowledgement.acknowledge(
      id,
      body.by ?? caller.name,
      body.comment ?? null,
      'api',
    );
  }

  /**
   * The signed one-click link of a notification: a page a person sees in the browser. It needs no
   * API key: its HMAC signature (ALERT_ACK_KEY) and expiry are its credential.
   */
  @Get(':id/ack')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async acknowledgeByLink(
    @Param('id', new ParseUuidPipe()) id: string,
    @Query() query: AckLinkQuery,
  ): Promise<string> {
    const alert = await this.acknowledgement.byLink(id, query.exp, query.sig);
    return (
      '<!doctype html><html><body><h1>Acknowledged</h1>' +
      `<p>${escapeHtml(alert.summary)}</p>` +
      `<p>Acknowledged by ${escapeHtml(alert.acknowledgedBy ?? '')}.</p></body></html>`
    );
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
