import { testAuthEnv } from './auth';
import type { TestNamespace } from './test-namespace';

/**
 * The environment of a service a spec starts in its own process: the machine's (brokers, database,
 * Redis), the test file's own schema, topics, Redis keys and auth (`testAuthEnv`), and a port of the
 * system's choosing. A harness adds what its service needs on top.
 */
export function serviceTestEnv(
  namespace: TestNamespace,
  schema: string,
): Record<string, string | undefined> {
  return {
    ...process.env,
    ...testAuthEnv(namespace),
    PORT: '0',
    DATABASE_SCHEMA: `${namespace.schemaPrefix}${schema}`,
    KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
  };
}
