import { CLOCK, ENV, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { dueOfBody } from '../lifecycle/due-of-body';
import { MilestoneLifecycle } from '../lifecycle/milestone-lifecycle';
import type { PlannedMilestone } from '../lifecycle/milestone-lifecycle';
import type { SchedulerEnv } from '../scheduler.env';
import type { CreateMilestoneBody } from './create-milestone.body';

const DEFAULT_CATEGORY = 'other';

/** A milestone entered by hand, planned and announced like one from an agreement. */
@Injectable()
export class CreateMilestoneUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly lifecycle: MilestoneLifecycle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: SchedulerEnv,
  ) {}

  async execute(body: CreateMilestoneBody): Promise<PlannedMilestone> {
    const id = randomUUID();
    const due = dueOfBody(body, this.env.DEFAULT_TIME_ZONE);
    return this.transactions.run((manager) =>
      this.lifecycle.create(
        manager,
        {
          id,
          agreementId: body.agreementId ?? null,
          obligationKey: `manual:${id}`,
          title: body.title,
          category: body.category ?? DEFAULT_CATEGORY,
          owner: body.owner ?? null,
          agreementTitle: null,
          evidence: null,
          evidenceStart: null,
          evidenceEnd: null,
          deadlineExpression: null,
          extractedDueDate: null,
          anchorMilestoneId: null,
          anchorOffset: null,
          reminderOffsets: body.reminders ?? [...this.env.REMINDER_OFFSETS],
          timeZone: due.timeZone,
        },
        due,
        { actor: body.by ?? body.owner ?? 'api', reason: 'entered by hand', at: this.clock.now() },
      ),
    );
  }
}
