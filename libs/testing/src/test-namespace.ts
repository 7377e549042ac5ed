import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestNamespace {
  /** Prefix for every topic and consumer group of this test file. */
  topicPrefix: string;
  /** Prefix a service's schema name with this: `${schemaPrefix}ingest`. */
  schemaPrefix: string;
}

/** Fresh names for one test file, so runs and files never see each other's data. */
export function createTestNamespace(label: string): TestNamespace {
  const run = process.env['DEALWATCH_TEST_RUN_ID'] ?? Date.now().toString(36);
  const unique = `${run}${randomBytes(2).toString('hex')}`;
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 20);
  return {
    topicPrefix: `test.${unique}.${safeLabel}.`,
    schemaPrefix: `t_${unique}_${safeLabel}_`.toLowerCase(),
  };
}

/** Drops every schema a test created (its name starts with the namespace's prefix). */
export async function dropTestSchemas(
  databaseUrl: string,
  namespace: TestNamespace,
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      'SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)',
      [namespace.schemaPrefix],
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}

export function requiredEnv(name: 'KAFKA_BROKERS' | 'DATABASE_URL' | 'REDIS_URL'): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run integration tests through their jest config`);
  return value;
}
