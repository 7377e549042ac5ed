import { CreateAlerts1764403400000 } from './migrations/1764403400000-create-alerts';

export * from './alert.entity';
export * from './alert.repository';
export * from './delivery-attempt.entity';
export * from './delivery.entity';
export * from './delivery.repository';
export * from './webhook.client';

/** In the order they must run. */
export const alertingMigrations = [CreateAlerts1764403400000];
