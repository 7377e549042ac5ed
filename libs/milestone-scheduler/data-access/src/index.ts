import { CreateMilestones1764403300000 } from './migrations/1764403300000-create-milestones';
import { MilestoneLifecycle1764403500000 } from './migrations/1764403500000-milestone-lifecycle';
import { ChainedMilestones1764403600000 } from './migrations/1764403600000-chained-milestones';
import { MilestoneDueOrder1764403700000 } from './migrations/1764403700000-milestone-due-order';
import { ReminderPolicies1764403800000 } from './migrations/1764403800000-reminder-policies';
import { MilestoneParties1764403900000 } from './migrations/1764403900000-milestone-parties';
import { AgreementDefaults1764404000000 } from './migrations/1764404000000-agreement-defaults';
import { ChainBusinessDays1764404100000 } from './migrations/1764404100000-chain-business-days';
import { MilestoneReview1764404200000 } from './migrations/1764404200000-milestone-review';
import { DropRedundantAgreementIndex1767100000000 } from './migrations/1767100000000-drop-redundant-agreement-index';

export * from './agreement-defaults.entity';
export * from './agreement-defaults.repository';
export * from './due-reminder.repository';
export * from './milestone-history.entity';
export * from './milestone-history.repository';
export * from './milestone.entity';
export * from './milestone.repository';
export * from './reminder.entity';

/** In the order they must run. */
export const milestoneSchedulerMigrations = [
  CreateMilestones1764403300000,
  MilestoneLifecycle1764403500000,
  ChainedMilestones1764403600000,
  MilestoneDueOrder1764403700000,
  ReminderPolicies1764403800000,
  MilestoneParties1764403900000,
  AgreementDefaults1764404000000,
  ChainBusinessDays1764404100000,
  MilestoneReview1764404200000,
  DropRedundantAgreementIndex1767100000000,
];
