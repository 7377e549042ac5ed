import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';

import type { AuthOutcome, TokenVerifier } from './authenticator';
import { highestRole, roles } from './roles';

export interface JwtSettings {
  /** The OIDC issuer, exactly as its tokens' `iss`. */
  issuer: string;
  /** What tokens for DealWatch carry in `aud`. */
  audience: string;
  /** The issuer's JWKS; by default from its discovery document, else `<issuer>/.well-known/jwks.json`. */
  jwksUrl?: string | undefined;
  /** Where the roles are: a claim name or a dotted path (`realm_access.roles`); a string or a list. */
  rolesClaim: string;
  /** Leeway for `exp` and `nbf` against clock drift. */
  clockToleranceSeconds?: number;
}

/** Signatures a JWKS of an OIDC issuer holds keys for; never HMAC with a public key. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** Failures of the issuer rather than of the token: the caller may retry. */
const UNAVAILABLE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JOSE_GENERIC', 'ERR_JWKS_INVALID']);

/**
 * Verifies bearer JWTs of one OIDC issuer against its published keys (fetched, cached and refreshed
 * on an unknown `kid` by jose): signature, `iss`, `aud`, `exp` and `nbf` (with a small tolerance),
 * then takes the highest DealWatch role the roles claim names.
 */
export class JwtVerifier implements TokenVerifier {
  private keys: Promise<JWTVerifyGetKey> | null = null;

  constructor(private readonly settings: JwtSettings) {}

  async verify(token: string): Promise<AuthOutcome> {
    let payload: JWTPayload;
    try {
      const keys = await this.keySet();
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: this.settings.clockToleranceSeconds ?? 30,
      }));
    } catch (error) {
      return this.refusal(error);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      return { ok: false, status: 401, reason: 'the token has no subject (sub)' };
    }
    const role = highestRole(listOf(claimAt(payload, this.settings.rolesClaim)));
    if (role === null) {
      return {
        ok: false,
        status: 403,
        reason: `the token names no DealWatch role (${roles.join(', ')}) in its ${this.settings.rolesClaim} claim`,
      };
    }
    return {
      ok: true,
      principal: {
        kind: 'jwt',
        id: `jwt:${payload.sub}`,
        name: nameOf(payload),
        role,
        scopes: [],
        expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
      },
    };
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.resolveKeys().catch((error: unknown) => {
      // Not cached: the next token tries the issuer again.
      this.keys = null;
      throw error;
    });
    return this.keys;
  }

  private async resolveKeys(): Promise<JWTVerifyGetKey> {
    const url = this.settings.jwksUrl ?? (await discoverJwksUrl(this.settings.issuer));
    return createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  }

  private refusal(error: unknown): AuthOutcome {
    const { code, claim, payload, message } = (error ?? {}) as {
      code?: string;
      claim?: string;
      payload?: JWTPayload;
      message?: string;
    };
    const refuse = (reason: string): AuthOutcome => ({ ok: false, status: 401, reason });
    switch (code) {
      case 'ERR_JWT_EXPIRED':
        return refuse(
          typeof payload?.exp === 'number'
            ? `the token expired at ${new Date(payload.exp * 1000).toISOString()}`
            : 'the token expired',
        );
      case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
        if (claim === 'iss') {
          return refuse(
            `the token was issued by ${String(payload?.iss)}, not ${this.settings.issuer}`,
          );
        }
        if (claim === 'aud') {
          return refuse(
            `the token is meant for ${String(payload?.aud)}, not ${this.settings.audience}`,
          );
        }
        if (claim === 'nbf') return refuse('the token is not valid yet (nbf)');
        return refuse(`the token's ${claim ?? 'claims'} did not validate: ${message ?? ''}`);
      case 'ERR_JWKS_NO_MATCHING_KEY':
        return refuse("no key of the issuer's JWKS matches the token's key id (kid)");
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
        return refuse(
          "the token's signature does not verify: it was altered or not signed by the issuer",
        );
      case 'ERR_JOSE_ALG_NOT_ALLOWED':
        return refuse("the token's signature algorithm is not accepted");
      case 'ERR_JWS_INVALID':
      case 'ERR_JWT_INVALID':
      case 'ERR_JOSE_NOT_SUPPORTED':
      case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
        return refuse(`the token is not a valid JWT: ${message ?? code}`);
      case undefined:
      default:
        if (code !== undefined && !UNAVAILABLE.has(code)) {
          return refuse(`the token is not valid: ${message ?? code}`);
        }
        return {
          ok: false,
          status: 503,
          reason: `the issuer's signing keys cannot be fetched right now (${message ?? 'no answer'}); try again`,
        };
    }
  }
}

/**
 * The JWKS address from the issuer's OpenID discovery document, or the conventional
 * `<issuer>/.well-known/jwks.json` when it has none.
 */
export async function discoverJwksUrl(issuer: string): Promise<string> {
  const base = issuer.replace(/\/+$/, '');
  const response = await fetch(`${base}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(5_000),
  });
  if (response.ok) {
    const document = (await response.json()) as { jwks_uri?: unknown };
    if (typeof document.jwks_uri === 'string') return document.jwks_uri;
  } else {
    await response.body?.cancel();
  }
  return `${base}/.well-known/jwks.json`;
}

function claimAt(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(/[\s,]+/);
  return [];
}

function nameOf(payload: JWTPayload): string {
  for (const claim of ['email', 'preferred_username', 'name']) {
    const value = payload[claim];
    if (typeof value === 'string' && value !== '') return value;
  }
  return String(payload.sub);
}
