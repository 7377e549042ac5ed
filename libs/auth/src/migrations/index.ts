import { CreateApiKeys1767000000000 } from './1767000000000-create-api-keys';

/** The key registry's schema, applied by every service at start under the schema's advisory lock. */
export const authMigrations = [CreateApiKeys1767000000000];
