import { MilestoneRepository } from '@dealwatch/milestone-scheduler/data-access';

import { Controller, Get, Query } from '@nestjs/common';

import { ListMilestonesQuery } from './list-milestones.query';

@Controller('v1/milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestoneRepository) {}

  /** Milestones in due-date order, each with its reminders. */
  @Get()
  async list(@Query() query: ListMilestonesQuery) {
    return { items: await this.milestones.listByAgreement(query.agreementId) };
  }
}
