import { DigestRepository } from '@dealwatch/alerting/data-access';
import { ParseUuidPipe } from '@dealwatch/platform';

import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';

import { digestView } from './digest-view';
import type { DigestView } from './digest-view';
import { ListDigestsQuery } from './list-digests.query';

@Controller('v1/digests')
export class DigestsController {
  constructor(private readonly digests: DigestRepository) {}

  /** Newest first; filter by receiver or status (`dead` lists those given up). */
  @Get()
  async list(@Query() query: ListDigestsQuery) {
    const page = { limit: query.limit, offset: query.offset };
    const { digests, total } = await this.digests.list(
      { receiver: query.receiver, status: query.status },
      page,
    );
    return { items: digests.map(digestView), total, ...page };
  }

  @Get(':id')
  async findOne(@Param('id', new ParseUuidPipe()) id: string): Promise<DigestView> {
    const digest = await this.digests.findById(id);
    if (!digest) throw new NotFoundException(`no digest ${id}`);
    return digestView(digest);
  }
}
