import { JwtVerifier, discoverJwksUrl } from '@dealwatch/auth';
import { JwtIssuer, tampered } from '@dealwatch/testing';

describe('JWTs of an OIDC issuer, verified against its JWKS over HTTP', () => {
  const issuer = new JwtIssuer();
  let verifier: JwtVerifier;

  beforeAll(async () => {
    await issuer.start();
    verifier = new JwtVerifier({
      issuer: issuer.url,
      audience: JwtIssuer.audience,
      rolesClaim: 'roles',
    });
  });

  afterAll(() => issuer.stop());

  it('accepts a valid token with the highest DealWatch role it names', async () => {
    const token = await issuer.sign(
      { roles: ['billing', 'viewer', 'operator'], email: 'dana@example.com' },
      { subject: 'u-42' },
    );
    const outcome = await verifier.verify(token);
    expect(outcome).toEqual({
      ok: true,
      principal: {
        kind: 'jwt',
        id: 'jwt:u-42',
        name: 'dana@example.com',
        role: 'operator',
        scopes: [],
        expiresAt: expect.any(Date),
      },
    });
  });

  it('reads roles from a string or a nested claim', async () => {
    const nested = new JwtVerifier({
      issuer: issuer.url,
      audience: JwtIssuer.audience,
      rolesClaim: 'realm_access.roles',
    });
    const token = await issuer.sign({ realm_access: { roles: ['admin'] } });
    expect(await nested.verify(token)).toMatchObject({ ok: true, principal: { role: 'admin' } });
    expect(await verifier.verify(await issuer.sign({ roles: 'viewer' }))).toMatchObject({
      ok: true,
      principal: { role: 'viewer', name: 'user-1' },
    });
  });

  it('refuses a token without a DealWatch role with 403', async () => {
    expect(await verifier.verify(await issuer.sign({ roles: ['billing'] }))).toEqual({
      ok: false,
      status: 403,
      reason: 'the token names no DealWatch role (viewer, operator, admin) in its roles claim',
    });
  });

  it.each([
    ['expired', { expiresIn: -120 }, /^the token expired at \d{4}-/],
    [
      'of another issuer',
      { issuer: 'https://elsewhere.example' },
      /^the token was issued by https:\/\/elsewhere\.example, not http:\/\/127\.0\.0\.1:\d+$/,
    ],
    [
      'for another audience',
      { audience: 'payroll' },
      /^the token is meant for payroll, not dealwatch-test$/,
    ],
    [
      'signed with a key the JWKS lacks',
      { unknownKey: true },
      /^no key of the issuer's JWKS matches/,
    ],
    ['not valid yet', { notBefore: 600 }, /^the token is not valid yet/],
  ])('refuses a token %s, saying why', async (_label, options, reason) => {
    const outcome = await verifier.verify(await issuer.sign({ roles: ['admin'] }, options));
    expect(outcome).toMatchObject({
      ok: false,
      status: 401,
      reason: expect.stringMatching(reason),
    });
  });

  it('tolerates a little clock drift', async () => {
    const justExpired = await issuer.sign({ roles: ['viewer'] }, { expiresIn: -10 });
    expect(await verifier.verify(justExpired)).toMatchObject({ ok: true });
  });

  it('refuses a token altered after signing', async () => {
    const token = tampered(await issuer.sign({ roles: ['viewer'] }), { roles: ['admin'] });
    expect(await verifier.verify(token)).toMatchObject({
      ok: false,
      status: 401,
      reason: expect.stringMatching(/signature does not verify/),
    });
  });

  it('finds the JWKS by discovery, or at the conventional address', async () => {
    expect(await discoverJwksUrl(`${issuer.url}/`)).toBe(`${issuer.url}/jwks.json`);
    const bare = await new JwtIssuer({ discovery: false }).start();
    try {
      expect(await discoverJwksUrl(bare.url)).toBe(`${bare.url}/.well-known/jwks.json`);
      const plain = new JwtVerifier({
        issuer: bare.url,
        audience: JwtIssuer.audience,
        rolesClaim: 'roles',
      });
      expect(await plain.verify(await bare.sign({ roles: ['viewer'] }))).toMatchObject({
        ok: true,
      });
    } finally {
      await bare.stop();
    }
  });

  it('answers 503 while the issuer cannot be reached', async () => {
    const gone = await new JwtIssuer().start();
    const token = await gone.sign({ roles: ['viewer'] });
    const url = gone.url;
    await gone.stop();
    const orphan = new JwtVerifier({
      issuer: url,
      audience: JwtIssuer.audience,
      rolesClaim: 'roles',
    });
    expect(await orphan.verify(token)).toMatchObject({ ok: false, status: 503 });
  });
});
