import {
  AgreementDefaultsRepository,
  MilestoneRepository,
} from '@dealwatch/milestone-scheduler/data-access';
import type { AgreementDefaultsEntity } from '@dealwatch/milestone-scheduler/data-access';
import { CLOCK, Transactions, invalidFields } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';

import type { Attributed } from '../lifecycle/change.body';
import { MilestoneLifecycle } from '../lifecycle/milestone-lifecycle';
import type { AgreementDefaultsBody } from './agreement-defaults.body';
import { ReminderPolicyBook } from './reminder-policy-book';

/**
 * Sets an agreement's default reminder policy and jurisdiction, and re-plans the reminders of its
 * running milestones, which follow the defaults wherever they name none of their own.
 */
@Injectable()
export class SetAgreementDefaultsUseCase {
  constructor(
    private readonly transactions: Transactions,
    private readonly defaults: AgreementDefaultsRepository,
    private readonly milestones: MilestoneRepository,
    private readonly lifecycle: MilestoneLifecycle,
    private readonly policies: ReminderPolicyBook,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    agreementId: string,
    body: Attributed<AgreementDefaultsBody>,
  ): Promise<AgreementDefaultsEntity> {
    const policy = body.policy ?? null;
    if (policy !== null && !this.policies.has(policy))
      throw invalidFields([
        {
          field: 'policy',
          message: `policy must be one of the configured reminder policies: ${this.policies.names().join(', ')}`,
        },
      ]);
    const at = this.clock.now();
    const defaults = {
      agreementId,
      policy,
      jurisdiction: body.jurisdiction ?? null,
      updatedAt: at,
      updatedBy: body.by,
    };
    return this.transactions.run(async (manager) => {
      await this.defaults.save(manager, defaults);
      const reason = `agreement defaults set (policy ${policy ?? 'default'}, jurisdiction ${defaults.jurisdiction ?? 'none'}): ${body.reason}`;
      for (const milestone of await this.milestones.lockOpenDated(manager, agreementId))
        await this.lifecycle.replan(manager, milestone, { actor: body.by, reason, at });
      return defaults;
    });
  }
}
