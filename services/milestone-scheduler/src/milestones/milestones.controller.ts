import {
  MilestoneHistoryRepository,
  MilestoneRepository,
} from '@dealwatch/milestone-scheduler/data-access';

import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';

import { ChangeBody } from '../lifecycle/change.body';
import { CloseMilestoneUseCase } from '../lifecycle/close-milestone.usecase';
import { RescheduleMilestoneBody } from '../lifecycle/reschedule-milestone.body';
import { RescheduleMilestoneUseCase } from '../lifecycle/reschedule-milestone.usecase';
import { CreateMilestoneBody } from './create-milestone.body';
import { CreateMilestoneUseCase } from './create-milestone.usecase';
import { ListMilestonesQuery } from './list-milestones.query';
import { historyView, milestoneView } from './milestone.view';

const milestoneId = new ParseUUIDPipe();

@Controller('v1/milestones')
export class MilestonesController {
  constructor(
    private readonly milestones: MilestoneRepository,
    private readonly history: MilestoneHistoryRepository,
    private readonly closeMilestone: CloseMilestoneUseCase,
    private readonly createMilestone: CreateMilestoneUseCase,
    private readonly rescheduleMilestone: RescheduleMilestoneUseCase,
  ) {}

  /** Milestones in due order (tracked ones, without a date, last), each with its reminders. */
  @Get()
  async list(@Query() query: ListMilestonesQuery) {
    const milestones = await this.milestones.listByAgreement(query.agreementId);
    return { items: milestones.map((milestone) => milestoneView(milestone, milestone.reminders)) };
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
  async create(@Body() body: CreateMilestoneBody) {
    const { milestone, reminders } = await this.createMilestone.execute(body);
    return milestoneView(milestone, reminders);
  }

  @Patch(':id')
  async reschedule(@Param('id', milestoneId) id: string, @Body() body: RescheduleMilestoneBody) {
    await this.rescheduleMilestone.execute(id, body);
    return this.get(id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  async complete(@Param('id', milestoneId) id: string, @Body() body: ChangeBody) {
    await this.closeMilestone.execute(id, 'complete', body);
    return this.get(id);
  }

  @Post(':id/waive')
  @HttpCode(200)
  async waive(@Param('id', milestoneId) id: string, @Body() body: ChangeBody) {
    await this.closeMilestone.execute(id, 'waive', body);
    return this.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@Param('id', milestoneId) id: string, @Body() body: ChangeBody) {
    await this.closeMilestone.execute(id, 'cancel', body);
    return this.get(id);
  }
}
