import type { ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Options for a connection of its own, beside the data source's pool, made the way TypeORM makes the
 * pool's: same server, credentials, TLS and `extra` (which carries the service's search_path, so the
 * connection sees the same current_schema()). A LISTEN lasts as long as its session, which a pool
 * connection handed back and forth cannot promise. Its own application_name tells a DBA what the
 * long idle session is.
 */
export function listenerConnectionConfig(dataSource: DataSource): ClientConfig {
  const options = dataSource.options;
  if (options.type !== 'postgres') {
    throw new Error(`the outbox listens on PostgreSQL, not ${options.type}`);
  }
  const application = options.applicationName ?? 'dealwatch';
  return {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    database: options.database,
    // TypeORM hands its TLS options to pg unchanged; only the two typings disagree (pskCallback).
    ssl: options.ssl as ClientConfig['ssl'],
    connectionTimeoutMillis: options.connectTimeoutMS,
    ...(options.extra as ClientConfig | undefined),
    application_name: `${application}-outbox-listener`,
    // An idle session hears nothing from a server that vanished without closing it; probes do.
    keepAlive: true,
    keepAliveInitialDelayMillis: 30_000,
  };
}
