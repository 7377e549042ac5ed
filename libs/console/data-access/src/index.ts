import { CreateReadModel1764403500000 } from './migrations/1764403500000-create-read-model';
import { ReviewsAndAlertStates1764403600000 } from './migrations/1764403600000-reviews-and-alert-states';
import { ParkedMilestoneStatuses1764403700000 } from './migrations/1764403700000-parked-milestone-statuses';
import { ParkedAlertDeliveries1764403800000 } from './migrations/1764403800000-parked-alert-deliveries';
import { CompressWithLz41764921600000 } from './migrations/1764921600000-compress-with-lz4';

export * from './obligation-review.entity';
export * from './obligation-review.repository';
export * from './read-model.entities';
export * from './read-model.projector';
export * from './read-model.queries';

/** In the order they must run. */
export const consoleMigrations = [
  CreateReadModel1764403500000,
  ReviewsAndAlertStates1764403600000,
  ParkedMilestoneStatuses1764403700000,
  ParkedAlertDeliveries1764403800000,
  CompressWithLz41764921600000,
];
