import {
  ADMIN_PRINCIPAL,
  ApiKeyRegistry,
  Authenticator,
  openAuthDataSource,
} from '@dealwatch/auth';
import { createTestNamespace, dropTestSchemas, requiredEnv } from '@dealwatch/testing';

import type { DataSource } from 'typeorm';

const namespace = createTestNamespace('auth-registry');

describe('the API key registry on PostgreSQL', () => {
  let dataSource: DataSource;
  let now = new Date('2026-01-01T00:00:00Z');
  let registry: ApiKeyRegistry;

  beforeAll(async () => {
    dataSource = await openAuthDataSource({
      url: requiredEnv('DATABASE_URL'),
      schema: `${namespace.schemaPrefix}auth`,
      service: 'test',
    });
    registry = new ApiKeyRegistry(dataSource, () => now);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('stores a hash, never the key, and finds the key by its id', async () => {
    const { key, record } = await registry.create({
      name: 'robot',
      role: 'operator',
      scopes: ['ingest'],
      createdBy: 'admin',
    });
    const [row] = await dataSource.query<Record<string, unknown>[]>(
      'SELECT * FROM api_keys WHERE id = $1',
      [record.id],
    );
    expect(JSON.stringify(row)).not.toContain(key.slice(22));
    expect(row?.['hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(await registry.check(key)).toEqual({ ok: true, key: { ...record, lastUsedAt: null } });
  });

  it('refuses a wrong secret for a real id as an unknown key', async () => {
    const { key } = await registry.create({
      name: 'x',
      role: 'viewer',
      scopes: [],
      createdBy: 'admin',
    });
    const wrong = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    expect(await registry.check(wrong)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('revokes at once, and keeps the first revocation time', async () => {
    const { key, record } = await registry.create({
      name: 'leaked',
      role: 'admin',
      scopes: [],
      createdBy: 'admin',
    });
    now = new Date('2026-01-02T00:00:00Z');
    expect((await registry.revoke(record.id))?.revokedAt).toEqual(now);
    expect(await registry.check(key)).toEqual({ ok: false, reason: 'revoked' });
    now = new Date('2026-01-03T00:00:00Z');
    expect((await registry.revoke(record.id))?.revokedAt).toEqual(new Date('2026-01-02T00:00:00Z'));
    expect(await registry.revoke('0000000000000000')).toBeNull();
  });

  it('records when a key was last used, at most once a minute', async () => {
    const { key, record } = await registry.create({
      name: 'busy',
      role: 'viewer',
      scopes: [],
      createdBy: 'admin',
    });
    now = new Date('2026-02-01T10:00:00Z');
    await registry.check(key);
    await waitFor(
      async () => (await registry.find(record.id))?.lastUsedAt?.getTime() === now.getTime(),
    );
    now = new Date('2026-02-01T10:00:30Z');
    await registry.check(key);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await registry.find(record.id))?.lastUsedAt).toEqual(new Date('2026-02-01T10:00:00Z'));
  });

  it('lets DEALWATCH_ADMIN_API_KEY in as admin without a row, and refuses a short one', async () => {
    const adminKey = 'a-long-enough-admin-key-for-the-test-0001';
    const authenticator = new Authenticator(registry, { adminKey });
    expect(await authenticator.authenticate(adminKey)).toEqual({
      ok: true,
      principal: ADMIN_PRINCIPAL,
    });
    expect(await authenticator.authenticate(`${adminKey}x`)).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(() => new Authenticator(registry, { adminKey: 'short' })).toThrow(/at least 32/);
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition never held');
}
