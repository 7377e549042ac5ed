import { CreateAgreements1764403200000 } from './migrations/1764403200000-create-agreements';

export * from './agreement.entity';
export * from './agreement.repository';
export * from './idempotency.store';

/** In the order they must run. */
export const ingestMigrations = [CreateAgreements1764403200000];
