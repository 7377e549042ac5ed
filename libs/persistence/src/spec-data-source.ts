import type { DataSource, MixedList } from 'typeorm';

import { createServiceDataSource, openServiceDataSource } from './service-data-source';

// Not the test harness's namespaces: the harness itself stands on this library.
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A schema of its own for one spec file, named after it; the spec drops it when done. */
export function specSchema(label: string): string {
  return `t_${Date.now().toString(36)}_${label}`;
}

/** A service data source on `schema`, migrated, as a service opens its own. */
export function openSpecDataSource(
  schema: string,
  options: {
    entities?: MixedList<new () => object>;
    migrations?: MixedList<new () => object>;
  } = {},
): Promise<DataSource> {
  return openServiceDataSource(
    createServiceDataSource({
      url: databaseUrl,
      schema,
      entities: options.entities ?? [],
      migrations: options.migrations ?? [],
      applicationName: `${schema}-spec`,
    }),
  );
}
