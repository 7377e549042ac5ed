import { DataSource } from 'typeorm';
import type { MixedList } from 'typeorm';

import { PreparingClient } from './preparing-client';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own schema: its tables, its migrations table, its search_path. */
  schema: string;
  entities: MixedList<string | (new () => object)>;
  migrations: MixedList<string | (new () => object)>;
  /** Shows up in pg_stat_activity, so a DBA can tell the services apart. */
  applicationName: string;
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  if (!SCHEMA_NAME.test(options.schema)) {
    throw new Error(`schema name "${options.schema}" must be a lower-case SQL identifier`);
  }
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: options.applicationName,
    logging: ['error', 'warn'],
    extra: {
      Client: PreparingClient,
      max: options.poolSize ?? 10,
      // Raw SQL in repositories then needs no schema prefix.
      options: `-c search_path=${options.schema}`,
      connectionTimeoutMillis: 5_000,
    },
  });
}

/**
 * Connects, creates the schema if needed and applies pending migrations. Several instances may start
 * at once: a transaction-less advisory lock keyed on the schema lets one migrate while others wait.
 */
export async function openServiceDataSource(dataSource: DataSource): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const schema = schemaOf(dataSource);
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`]);
    }
  } finally {
    await runner.release();
  }
  return dataSource;
}

export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('data source has no schema');
  return schema;
}
