import { CurrentPrincipal, ParseUuidPipe } from '@dealwatch/platform';
import type { Principal } from '@dealwatch/platform';

import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';

import { CreateSilenceBody } from './create-silence.body';
import { ManageSilencesUseCase } from './manage-silences.usecase';
import type { SilenceView } from './silence-of';

@Controller('v1/silences')
export class SilencesController {
  constructor(private readonly silences: ManageSilencesUseCase) {}

  @Post()
  create(
    @Body() body: CreateSilenceBody,
    @CurrentPrincipal() caller: Principal,
  ): Promise<SilenceView> {
    return this.silences.create(body, caller.name);
  }

  /** The newest 200, each with its status now: pending, active or expired. */
  @Get()
  list(): Promise<{ items: SilenceView[] }> {
    return this.silences.list();
  }

  @Get(':id')
  get(@Param('id', new ParseUuidPipe()) id: string): Promise<SilenceView> {
    return this.silences.get(id);
  }

  /** Expires the silence now; alerts recorded from then on are sent. */
  @Delete(':id')
  @HttpCode(204)
  async expire(@Param('id', new ParseUuidPipe()) id: string): Promise<void> {
    await this.silences.expire(id);
  }
}
