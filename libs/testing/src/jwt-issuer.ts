import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { JWK, JWTPayload, KeyLike } from 'jose';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}

export interface TokenOptions {
  subject?: string;
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  notBefore?: number;
  /** Sign with a key the JWKS does not publish (an unknown `kid`). */
  unknownKey?: boolean;
}

/**
 * A local OIDC issuer over real HTTP: `/.well-known/openid-configuration` (unless `discovery` is
 * off) and `/jwks.json` with an RS256 key, and `sign()` for its tokens, so a service verifies
 * tokens exactly as against a real identity provider.
 */
export class JwtIssuer {
  static readonly audience = 'dealwatch-test';
  private server: Server | null = null;
  private key: SigningKey | null = null;
  private stranger: SigningKey | null = null;
  jwksRequests = 0;

  constructor(private readonly options: { discovery?: boolean } = {}) {}

  async start(): Promise<this> {
    [this.key, this.stranger] = await Promise.all([
      signingKey('test-key-1'),
      signingKey('stranger'),
    ]);
    const server = createServer((request, response) => {
      const path = request.url ?? '';
      if (path === '/.well-known/openid-configuration' && this.options.discovery !== false) {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ issuer: this.url, jwks_uri: `${this.url}/jwks.json` }));
      } else if (path === '/jwks.json' || path === '/.well-known/jwks.json') {
        this.jwksRequests++;
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ keys: [this.key?.jwk] }));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('issuer is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** A token of this issuer for DealWatch with `claims` (e.g. `{ roles: ['operator'] }`). */
  async sign(claims: JWTPayload, options: TokenOptions = {}): Promise<string> {
    const key = options.unknownKey ? this.stranger : this.key;
    if (!key) throw new Error('issuer is not started');
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? this.url)
      .setAudience(options.audience ?? JwtIssuer.audience)
      .setSubject(options.subject ?? 'user-1')
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 300));
    if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
    return jwt.sign(key.privateKey);
  }

  /** The environment that makes a service accept this issuer's tokens. */
  env(): Record<string, string> {
    return { AUTH_JWT_ISSUER: this.url, AUTH_JWT_AUDIENCE: JwtIssuer.audience };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }
}

/** `token` with its payload changed after signing: the signature no longer matches. */
export function tampered(token: string, change: JWTPayload): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as JWTPayload;
  const altered = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
  return `${header ?? ''}.${altered}.${signature ?? ''}`;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}
