import type { MilestoneEntity } from '@dealwatch/milestone-scheduler/data-access';
import { DEFAULT_POLICY, isInstantDue, planReminders } from '@dealwatch/milestone-scheduler/domain';
import type {
  MilestoneDue,
  ReminderPlan,
  ReminderPolicies,
  ReminderPolicy,
} from '@dealwatch/milestone-scheduler/domain';
import { ENV } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';

import type { SchedulerEnv } from '../scheduler.env';
import { readReminderPolicies } from './read-reminder-policies';

type PlannedFields = Pick<
  MilestoneEntity,
  'policy' | 'reminderOffsets' | 'timeOfDay' | 'jurisdiction'
>;

/**
 * The configured reminder policies, and a milestone's reminders planned under its own: the
 * milestone's offsets and time of day override the policy's, and its jurisdiction names the
 * holidays a policy that avoids holidays avoids.
 */
@Injectable()
export class ReminderPolicyBook {
  private readonly policies: ReminderPolicies;

  constructor(@Inject(ENV) env: SchedulerEnv) {
    const result = readReminderPolicies(env.REMINDER_POLICIES, env.REMINDER_OFFSETS);
    // The environment was validated at start; this only guards a book built without that.
    if (!result.ok) throw new Error(`REMINDER_POLICIES: ${result.errors.join('; ')}`);
    this.policies = result.policies;
  }

  names(): string[] {
    return Object.keys(this.policies).sort();
  }

  has(name: string): boolean {
    return Object.hasOwn(this.policies, name);
  }

  /** A milestone naming a policy since removed from the configuration follows the default. */
  policyOf(milestone: Pick<MilestoneEntity, 'policy'>): ReminderPolicy {
    const named =
      milestone.policy && this.has(milestone.policy) ? milestone.policy : DEFAULT_POLICY;
    return this.policies[named] ?? this.fallback();
  }

  plan(milestone: PlannedFields, due: MilestoneDue, now: Date): ReminderPlan {
    const policy = this.policyOf(milestone);
    const timeOfDay = milestone.timeOfDay ?? policy.timeOfDay;
    const holidays = policy.holidays ? (milestone.jurisdiction ?? policy.holidays) : null;
    const calendar =
      policy.skipWeekends || holidays ? { skipWeekends: policy.skipWeekends, holidays } : null;
    return planReminders(
      isInstantDue(due) ? due : { ...due, timeOfDay },
      milestone.reminderOffsets ?? policy.offsets,
      now,
      calendar,
    );
  }

  private fallback(): ReminderPolicy {
    const policy = this.policies[DEFAULT_POLICY];
    if (!policy) throw new Error('no default reminder policy');
    return policy;
  }
}
