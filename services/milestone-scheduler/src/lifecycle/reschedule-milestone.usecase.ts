import { MilestoneRepository } from '@dealwatch/milestone-scheduler/data-access';
import { checkReschedule } from '@dealwatch/milestone-scheduler/domain';
import { CLOCK, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';

import type { Attributed } from './change.body';
import { dueOfBody } from './due-of-body';
import { MilestoneLifecycle } from './milestone-lifecycle';
import type { PlannedMilestone } from './milestone-lifecycle';
import type { RescheduleMilestoneBody } from './reschedule-milestone.body';

/** A person moves a milestone's due date or instant; the old one stays in its history. */
@Injectable()
export class RescheduleMilestoneUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly milestones: MilestoneRepository,
    private readonly lifecycle: MilestoneLifecycle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(id: string, body: Attributed<RescheduleMilestoneBody>): Promise<PlannedMilestone> {
    return this.transactions.run(async (manager) => {
      const milestone = await this.milestones.lockById(manager, id);
      if (!milestone) throw new NotFoundException(`milestone ${id} not found`);
      const check = checkReschedule(milestone.status);
      if (!check.allowed) throw new ConflictException(check.reason);
      const due = dueOfBody(body, milestone.timeZone);
      return this.lifecycle.reschedule(manager, milestone, due, {
        actor: body.by,
        reason: body.reason,
        at: this.clock.now(),
      });
    });
  }
}
