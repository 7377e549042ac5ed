import { MilestoneRepository } from '@dealwatch/milestone-scheduler/data-access';
import { manualObligationKey } from '@dealwatch/milestone-scheduler/domain';
import { timeOrderedUuid } from '@dealwatch/persistence';
import { CLOCK, ENV, Transactions, invalidFields } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';

import { dueOfBody } from '../lifecycle/due-of-body';
import { MilestoneLifecycle } from '../lifecycle/milestone-lifecycle';
import type { PlannedMilestone } from '../lifecycle/milestone-lifecycle';
import { ReminderPolicyBook } from '../policies/reminder-policy-book';
import type { SchedulerEnv } from '../scheduler.env';
import type { CreateMilestoneBody } from './create-milestone.body';

const DEFAULT_CATEGORY = 'other';

/** A milestone entered by hand, planned and announced like one from an agreement. */
@Injectable()
export class CreateMilestoneUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly lifecycle: MilestoneLifecycle,
    private readonly policies: ReminderPolicyBook,
    private readonly milestones: MilestoneRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: SchedulerEnv,
  ) {}

  async execute(body: CreateMilestoneBody): Promise<PlannedMilestone> {
    if (body.policy !== undefined && !this.policies.has(body.policy))
      throw invalidFields([
        {
          field: 'policy',
          message: `policy must be one of the configured reminder policies: ${this.policies.names().join(', ')}`,
        },
      ]);
    const id = timeOrderedUuid();
    const due = dueOfBody(body, this.env.DEFAULT_TIME_ZONE);
    return this.transactions.run(async (manager) =>
      this.lifecycle.create(
        manager,
        {
          id,
          agreementId: body.agreementId ?? null,
          obligationKey: manualObligationKey(id),
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
          anchorBusinessDays: false,
          reminderOffsets: body.reminders ?? null,
          policy: body.policy ?? null,
          timeOfDay: body.timeOfDay ?? null,
          jurisdiction: body.jurisdiction ?? null,
          parties: body.agreementId
            ? await this.milestones.partiesOf(manager, body.agreementId)
            : [],
          timeZone: due.timeZone,
        },
        due,
        { actor: body.by ?? body.owner ?? 'api', reason: 'entered by hand', at: this.clock.now() },
      ),
    );
  }
}
