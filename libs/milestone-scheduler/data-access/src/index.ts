import { CreateMilestones1764403300000 } from './migrations/1764403300000-create-milestones';

export * from './due-reminder.repository';
export * from './milestone.entity';
export * from './milestone.repository';
export * from './reminder.entity';

/** In the order they must run. */
export const milestoneSchedulerMigrations = [CreateMilestones1764403300000];
