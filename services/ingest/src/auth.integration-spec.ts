import {
  JwtIssuer,
  TestApiKeys,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  isProblem,
  probeProtection,
  requiredEnv,
  tampered,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';

import { startIngest } from './testing/start-ingest';

const namespace = createTestNamespace('ingest-auth');

describe('ingest: who may call what', () => {
  let app: INestApplication;
  let base: string;
  let keys: TestApiKeys;
  const issuer = new JwtIssuer();

  beforeAll(async () => {
    await issuer.start();
    ({ app, base } = await startIngest(namespace, {
      ...issuer.env(),
    }));
    keys = await TestApiKeys.open(requiredEnv('DATABASE_URL'), namespace);
  });

  afterAll(async () => {
    await keys.close();
    await app.close();
    await issuer.stop();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('refuses every documented operation without credentials, and above the caller’s role', async () => {
    const report = await probeProtection(base, {
      viewer: (await keys.create('viewer')).key,
      operator: (await keys.create('operator')).key,
    });
    expect(report.publicOperations.sort()).toEqual(['GET /health', 'GET /health/live']);
    // Feed sources configure what the system reads: admins only.
    expect(report.adminOperations.sort()).toEqual(['DELETE /v1/sources/{id}', 'POST /v1/sources']);
    expect(report.viewerWrites).toEqual([]);
    expect(report.anonymous.length).toBeGreaterThan(5);
    expect(report.anonymous.filter((answer) => !isProblem(answer, 401))).toEqual([]);
    expect(report.viewerAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
    expect(report.operatorAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
  });

  it('answers its health probes without credentials', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('lets a key scoped to ingest upload, as a robot that only uploads would', async () => {
    const robot = await keys.create('operator', { name: 'upload-robot', scopes: ['ingest'] });
    const response = await apiFetch(
      `${base}/v1/agreements`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'The Parties will meet within 30 days of signature.',
      },
      robot.key,
    );
    expect(response.status).toBe(202);
  });

  describe('bearer JWTs of the configured OIDC issuer', () => {
    const upload = (token: string) =>
      fetch(`${base}/v1/agreements`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: 'The Parties will consult within 45 days of signature.',
      });

    it('lets a token in with its role', async () => {
      expect((await upload(await issuer.sign({ roles: ['operator'] }))).status).toBe(202);
      const viewer = await upload(await issuer.sign({ roles: ['viewer'] }, { subject: 'sam' }));
      expect(viewer.status).toBe(403);
      expect(await viewer.json()).toMatchObject({
        detail: 'POST /v1/agreements needs the operator role; sam is viewer',
      });
    });

    it('refuses a token without a DealWatch role with 403', async () => {
      const answer = await upload(await issuer.sign({ roles: ['billing'] }));
      expect(answer.status).toBe(403);
      expect(await answer.json()).toMatchObject({
        detail: expect.stringMatching(/no DealWatch role/),
      });
    });

    it.each([
      ['expired', { expiresIn: -300 }, /^the token expired at/],
      [
        'of another issuer',
        { issuer: 'https://login.elsewhere.example' },
        /issued by https:\/\/login\.elsewhere\.example/,
      ],
      ['for another audience', { audience: 'payroll' }, /meant for payroll, not dealwatch-test/],
      ['signed by an unknown key', { unknownKey: true }, /matches the token's key id/],
    ])(
      'answers a token %s with 401 problem details saying why',
      async (_label, options, reason) => {
        const answer = await upload(await issuer.sign({ roles: ['admin'] }, options));
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
        expect(await answer.json()).toMatchObject({
          type: 'https://dealwatch.dev/problems/unauthenticated',
          status: 401,
          detail: expect.stringMatching(reason),
          instance: '/v1/agreements',
        });
      },
    );

    it('answers a tampered token with 401 problem details saying why', async () => {
      const token = tampered(await issuer.sign({ roles: ['viewer'] }), { roles: ['admin'] });
      const answer = await upload(token);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({
        detail: expect.stringMatching(/signature does not verify/),
      });
    });
  });
});
