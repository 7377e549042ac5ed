import {
  MilestoneHistoryRepository,
  MilestoneRepository,
} from '@dealwatch/milestone-scheduler/data-access';
import { CurrentPrincipal, ParseUuidPipe } from '@dealwatch/platform';
import type { Principal } from '@dealwatch/platform';

import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';

import { ChangeBody, attributed } from '../lifecycle/change.body';
import { CloseMilestoneUseCase } from '../lifecycle/close-milestone.usecase';
import { RescheduleMilestoneBody } from '../lifecycle/reschedule-milestone.body';
import { RescheduleMilestoneUseCase } from '../lifecycle/reschedule-milestone.usecase';
import { CreateMilestoneBody } from './create-milestone.body';
import { CreateMilestoneUseCase } from './create-milestone.usecase';
import { decodeCursor, encodeCursor } from './list-cursor';
import { ListMilestonesQuery, filterOf } from './list-milestones.query';
import { historyView, milestoneView } from './milestone.view';

const milestoneId = new ParseUuidPipe();
const DEFAULT_PAGE_SIZE = 100;

@Controller('v1/milestones')
export class MilestonesController {
  constructor(
    private readonly milestones: MilestoneRepository,
    private readonly history: MilestoneHistoryRepository,
    private readonly closeMilestone: CloseMilestoneUseCase,
    private readonly createMilestone: CreateMilestoneUseCase,
    private readonly rescheduleMilestone: RescheduleMilestoneUseCase,
  ) {}

  /**
   * Milestones in due order (tracked ones, without a date, last), each with its reminders, a page at
   * a time: pass `nextCursor` back as `cursor` for the next page.
   */
  @Get()
  async list(@Query() query: ListMilestonesQuery) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const page = await this.milestones.list(
      filterOf(query, query.status),
      query.cursor ? decodeCursor(query.cursor) : null,
      limit + 1,
    );
    const items = page.slice(0, limit);
    const reminders = await this.milestones.remindersOf(items.map((milestone) => milestone.id));
    const last = items.at(-1);
    return {
      items: items.map((milestone) =>
        milestoneView(
          milestone,
          reminders.filter((reminder) => reminder.milestoneId === milestone.id),
        ),
      ),
      nextCursor: page.length > limit && last ? encodeCursor(last) : null,
    };
  }

  /** One milestone with its reminders and its history, oldest change first. */
  @Get(':id')
  async get(@Param('id', milestoneId) id: string) {
    const milestone = await this.milestones.findById(id);
    if (!milestone) throw new NotFoundException(`milestone ${id} not found`);
    const [reminders, history] = await Promise.all([
      this.milestones.remindersOf([id]),
      this.history.listFor(id),
    ]);
    return { ...milestoneView(milestone, reminders), history: history.map(historyView) };
  }

  /** A milestone entered by hand; answers 201 with it and its scheduled reminders. */
  @Post()
  async create(@Body() body: CreateMilestoneBody, @CurrentPrincipal() caller: Principal) {
    body.by ??= body.owner ?? caller.name;
    const { milestone, reminders } = await this.createMilestone.execute(body);
    return milestoneView(milestone, reminders);
  }

  @Patch(':id')
  async reschedule(
    @Param('id', milestoneId) id: string,
    @Body() body: RescheduleMilestoneBody,
    @CurrentPrincipal() caller: Principal,
  ) {
    await this.rescheduleMilestone.execute(id, attributed(body, caller.name));
    return this.get(id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  async complete(
    @Param('id', milestoneId) id: string,
    @Body() body: ChangeBody,
    @CurrentPrincipal() caller: Principal,
  ) {
    await this.closeMilestone.execute(id, 'complete', attributed(body, caller.name));
    return this.get(id);
  }

  @Post(':id/waive')
  @HttpCode(200)
  async waive(
    @Param('id', milestoneId) id: string,
    @Body() body: ChangeBody,
    @CurrentPrincipal() caller: Principal,
  ) {
    await this.closeMilestone.execute(id, 'waive', attributed(body, caller.name));
    return this.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(
    @Param('id', milestoneId) id: string,
    @Body() body: ChangeBody,
    @CurrentPrincipal() caller: Principal,
  ) {
    await this.closeMilestone.execute(id, 'cancel', attributed(body, caller.name));
    return this.get(id);
  }
}
