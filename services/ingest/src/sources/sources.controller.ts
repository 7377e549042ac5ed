import { FeedSourceRepository } from '@dealwatch/ingest/data-access';
import type { FeedSource } from '@dealwatch/ingest/data-access';
import { timeOrderedUuid } from '@dealwatch/persistence';
import { CLOCK, ParseUuidPipe, Roles } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import {
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';

import { CreateSourceDto } from './create-source.dto';
import { FeedPoller } from './feed-poller';

const DEFAULT_INTERVAL_SECONDS = 15 * 60;

/** Feed subscriptions: what is polled, when it was last polled, and what each item became. */
@Controller('v1/sources')
export class SourcesController {
  constructor(
    private readonly sources: FeedSourceRepository,
    private readonly poller: FeedPoller,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('admin')
  @HttpCode(HttpStatus.CREATED)
  async create(@Body() body: CreateSourceDto) {
    const created = await this.sources.create({
      id: timeOrderedUuid(),
      url: body.url,
      name: body.name,
      keywords: body.keywords ?? [],
      parties: body.parties ?? [],
      intervalSeconds: body.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
      nextPollAt: this.clock.now(),
    });
    if (!created) throw new ConflictException(`url ${body.url} is already a source`);
    this.poller.kick();
    return view(created);
  }

  @Get()
  async list() {
    return (await this.sources.list()).map(view);
  }

  @Get(':id')
  async findOne(@Param('id', new ParseUuidPipe()) id: string) {
    const source = await this.sources.find(id);
    if (!source) throw new NotFoundException(`no source ${id}`);
    return view(source);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Param('id', new ParseUuidPipe()) id: string): Promise<void> {
    if (!(await this.sources.delete(id))) throw new NotFoundException(`no source ${id}`);
  }

  /** Every item the source yielded: ingested (with its agreement), skipped or failed, with why. */
  @Get(':id/items')
  async items(@Param('id', new ParseUuidPipe()) id: string) {
    if (!(await this.sources.find(id))) throw new NotFoundException(`no source ${id}`);
    return (await this.sources.listItems(id)).map(({ itemKey, ...item }) => ({
      key: itemKey,
      ...item,
    }));
  }
}

function view(source: FeedSource) {
  const { etag, lastModified, ...shown } = source;
  return { ...shown, validators: { etag, lastModified } };
}
