import { createKey, keysTable, listKeys, revokeKey } from './keys';
import type { KeyRow } from './keys';
import { stubServer } from './stub-server';

const ROW: KeyRow = {
  id: '0123456789abcdef',
  name: 'upload-robot',
  role: 'operator',
  scopes: ['ingest'],
  createdAt: '2026-01-05T09:30:12.000Z',
  createdBy: 'admin',
  revokedAt: null,
  lastUsedAt: '2026-01-06T10:00:00.000Z',
};

describe('keys', () => {
  const env = process.env['DEALWATCH_API_KEY'];
  beforeAll(() => {
    process.env['DEALWATCH_API_KEY'] = 'the-admin-key';
  });
  afterAll(() => {
    if (env === undefined) delete process.env['DEALWATCH_API_KEY'];
    else process.env['DEALWATCH_API_KEY'] = env;
  });

  it('creates a key through the console with the caller’s key, and returns it', async () => {
    const stub = await stubServer(() => ({
      status: 201,
      body: JSON.stringify({ ...ROW, key: 'dwk_0123456789abcdef_secret' }),
    }));
    try {
      const created = await createKey(stub.url, {
        keyName: 'upload-robot',
        role: 'operator',
        scopes: ['ingest'],
      });
      expect(created.key).toBe('dwk_0123456789abcdef_secret');
    } finally {
      await stub.close();
    }
    expect(stub.seen).toHaveLength(1);
    expect(stub.seen[0]).toMatchObject({
      method: 'POST',
      url: '/v1/api-keys',
      authorization: 'Bearer the-admin-key',
      contentType: 'application/json',
    });
    expect(JSON.parse(stub.seen[0]!.body.toString())).toEqual({
      name: 'upload-robot',
      role: 'operator',
      scopes: ['ingest'],
    });
  });

  it('lists keys as a table', async () => {
    const stub = await stubServer(() => ({ status: 200, body: JSON.stringify({ items: [ROW] }) }));
    try {
      expect(keysTable(await listKeys(stub.url))).toEqual([
        'ID                NAME          ROLE      SCOPES  CREATED            BY     LAST USED          REVOKED',
        '0123456789abcdef  upload-robot  operator  ingest  2026-01-05 09:30Z  admin  2026-01-06 10:00Z  -',
      ]);
    } finally {
      await stub.close();
    }
  });

  it('revokes a key, and says why the console refused', async () => {
    const stub = await stubServer((request) =>
      request.url.endsWith('0123456789abcdef')
        ? { status: 204, body: '' }
        : {
            status: 403,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'https://dealwatch.dev/problems/forbidden',
              title: 'Forbidden',
              status: 403,
              detail: 'DELETE /v1/api-keys/fedcba9876543210 needs the admin role; ops is operator',
            }),
          },
    );
    try {
      await revokeKey(stub.url, '0123456789abcdef');
      await expect(revokeKey(stub.url, 'fedcba9876543210')).rejects.toThrow(
        'console: HTTP 403: DELETE /v1/api-keys/fedcba9876543210 needs the admin role; ops is operator',
      );
    } finally {
      await stub.close();
    }
    expect(stub.seen.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
  });
});
