import { ApiKeyRegistry, openAuthDataSource } from '@dealwatch/auth';
import type { ApiKeyRecord, Role } from '@dealwatch/auth';

import type { DataSource } from 'typeorm';

import type { TestNamespace } from './test-namespace';

/**
 * The admin key every test harness gives its services (DEALWATCH_ADMIN_API_KEY) and sends with its
 * requests. For tests only: never a key of a real deployment.
 */
export const TEST_ADMIN_API_KEY = 'dealwatch-test-admin-key-0123456789abcdef';

/**
 * What a service under test needs for authentication: the test admin key, a key registry of the
 * test file's own (dropped with its other schemas), and rate limits counted under the file's own
 * Redis prefix, high enough never to refuse a test that is not about them.
 */
export function testAuthEnv(namespace: TestNamespace): Record<string, string> {
  return {
    DEALWATCH_ADMIN_API_KEY: TEST_ADMIN_API_KEY,
    AUTH_DATABASE_SCHEMA: `${namespace.schemaPrefix}auth`,
    REDIS_KEY_PREFIX: namespace.topicPrefix,
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_FAILED_ATTEMPTS_PER_MINUTE: '1000',
    // A loaded test machine can be slower than production's budget; the count must not be skipped.
    AUTH_RATE_LIMIT_REDIS_TIMEOUT_MS: '5000',
  };
}

/** `init` with `Authorization: Bearer <key>` added to its headers. */
export function withKey(init: RequestInit = {}, key: string = TEST_ADMIN_API_KEY): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${key}`);
  return { ...init, headers };
}

/** `fetch` as an authenticated client: with the test admin key unless another is given. */
export function apiFetch(
  url: string,
  init: RequestInit = {},
  key: string = TEST_ADMIN_API_KEY,
): Promise<Response> {
  return fetch(url, withKey(init, key));
}

/** Keys of chosen roles and scopes in a test's key registry, made as the console's API makes them. */
export class TestApiKeys {
  private constructor(
    private readonly dataSource: DataSource,
    readonly registry: ApiKeyRegistry,
  ) {}

  /** Opens the registry the namespace's services use (migrating it if no service has yet). */
  static async open(databaseUrl: string, namespace: TestNamespace): Promise<TestApiKeys> {
    const dataSource = await openAuthDataSource({
      url: databaseUrl,
      schema: `${namespace.schemaPrefix}auth`,
      service: 'test',
    });
    return new TestApiKeys(dataSource, new ApiKeyRegistry(dataSource));
  }

  async create(
    role: Role,
    options: { name?: string; scopes?: string[] } = {},
  ): Promise<{ key: string; record: ApiKeyRecord }> {
    return this.registry.create({
      name: options.name ?? `test-${role}`,
      role,
      scopes: options.scopes ?? [],
      createdBy: 'test',
    });
  }

  async close(): Promise<void> {
    await this.dataSource.destroy();
  }
}
