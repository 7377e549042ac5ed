import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';

import { AlertHistoryUseCase } from './alert-history.usecase';
import type { AlertView } from './alert-history.usecase';
import { ListAlertsQuery } from './list-alerts.query';

@Controller('v1/alerts')
export class AlertsController {
  constructor(private readonly history: AlertHistoryUseCase) {}

  /** Newest first, with every delivery and attempt; filter by agreement or milestone. */
  @Get()
  list(@Query() query: ListAlertsQuery) {
    return this.history.list(
      { agreementId: query.agreementId, milestoneId: query.milestoneId, state: query.state },
      { limit: query.limit, offset: query.offset },
    );
  }

  @Get(':id')
  async findOne(@Param('id', new ParseUUIDPipe()) id: string): Promise<AlertView> {
    const alert = await this.history.get(id);
    if (!alert) throw new NotFoundException(`no alert ${id}`);
    return alert;
  }
}
