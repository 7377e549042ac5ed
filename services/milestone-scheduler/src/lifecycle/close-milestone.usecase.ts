import { MilestoneRepository } from '@dealwatch/milestone-scheduler/data-access';
import { checkClose, closingStatuses } from '@dealwatch/milestone-scheduler/domain';
import type { CloseAction } from '@dealwatch/milestone-scheduler/domain';
import { CLOCK, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';

import type { Attributed, ChangeBody } from './change.body';
import { MilestoneLifecycle } from './milestone-lifecycle';

/** A person completes, waives or cancels a milestone; closed is final (409 on a second try). */
@Injectable()
export class CloseMilestoneUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly milestones: MilestoneRepository,
    private readonly lifecycle: MilestoneLifecycle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    id: string,
    action: CloseAction,
    { by, reason }: Attributed<ChangeBody>,
  ): Promise<void> {
    await this.transactions.run(async (manager) => {
      const milestone = await this.milestones.lockById(manager, id);
      if (!milestone) throw new NotFoundException(`milestone ${id} not found`);
      const check = checkClose(milestone.status, action);
      if (!check.allowed) throw new ConflictException(check.reason);
      await this.lifecycle.close(manager, milestone, closingStatuses[action], {
        actor: by,
        reason,
        at: this.clock.now(),
      });
    });
  }
}
