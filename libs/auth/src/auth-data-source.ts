import { createServiceDataSource, openServiceDataSource } from '@dealwatch/persistence';

import type { DataSource } from 'typeorm';

import { authMigrations } from './migrations';

/**
 * The key registry's own schema (AUTH_DATABASE_SCHEMA, default `auth`), shared by every service:
 * a small pool beside the service's own, migrated at start like a service schema.
 */
export async function openAuthDataSource(options: {
  url: string;
  schema: string;
  service: string;
}): Promise<DataSource> {
  return openServiceDataSource(
    createServiceDataSource({
      url: options.url,
      schema: options.schema,
      entities: [],
      migrations: authMigrations,
      applicationName: `dealwatch-${options.service}-auth`,
      poolSize: 3,
    }),
  );
}
