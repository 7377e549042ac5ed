import { ParseUuidPipe, Roles } from '@dealwatch/platform';

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';

import { ManageReceiversUseCase } from './manage-receivers.usecase';
import type { ReceiverView } from './receiver-view';
import { CreateReceiverBody, UpdateReceiverBody } from './receiver.dto';

@Controller('v1/receivers')
export class ReceiversController {
  constructor(private readonly receivers: ManageReceiversUseCase) {}

  @Post()
  @Roles('admin')
  create(@Body() body: CreateReceiverBody): Promise<ReceiverView> {
    return this.receivers.create(body);
  }

  /** Those of the environment first (read-only), then those managed here, by name. */
  @Get()
  async list(): Promise<{ items: ReceiverView[] }> {
    return { items: await this.receivers.list() };
  }

  @Get(':id')
  get(@Param('id', new ParseUuidPipe()) id: string): Promise<ReceiverView> {
    return this.receivers.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', new ParseUuidPipe()) id: string,
    @Body() body: UpdateReceiverBody,
  ): Promise<ReceiverView> {
    return this.receivers.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('id', new ParseUuidPipe()) id: string): Promise<void> {
    await this.receivers.remove(id);
  }
}
