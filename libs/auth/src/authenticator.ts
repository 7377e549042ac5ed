import { ADMIN_KEY_MIN_LENGTH, API_KEY_PREFIX, hashApiKey, sameHash } from './api-key-format';
import type { ApiKeyRegistry } from './api-key-registry';
import type { Principal } from './principal';

export type AuthOutcome =
  | { ok: true; principal: Principal }
  /** 401: not valid; 403: valid, but without a role; 503: cannot be checked now. For the caller. */
  | { ok: false; status: 401 | 403 | 503; reason: string };

/** Verifies bearer JWTs of the configured issuer (see `JwtVerifier`). */
export interface TokenVerifier {
  verify(token: string): Promise<AuthOutcome>;
}

export const ADMIN_PRINCIPAL: Principal = {
  kind: 'admin-key',
  id: 'admin',
  name: 'admin',
  role: 'admin',
  scopes: [],
  expiresAt: null,
};

const KEY_REASONS = {
  malformed: `the API key is malformed: DealWatch keys look like ${API_KEY_PREFIX}<id>_<secret>`,
  unknown: 'the API key is not known',
  revoked: 'the API key was revoked',
} as const;

/** A compact JWS: three base64url parts. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Tells who presents a bearer credential: DEALWATCH_ADMIN_API_KEY, a key of the registry, or a JWT
 * of the configured OIDC issuer.
 */
export class Authenticator {
  private readonly adminKeyHash: string | null;

  constructor(
    private readonly registry: ApiKeyRegistry,
    options: { adminKey?: string | undefined; jwt?: TokenVerifier | null },
  ) {
    const { adminKey } = options;
    if (adminKey !== undefined && adminKey.length < ADMIN_KEY_MIN_LENGTH) {
      throw new Error(`the admin API key must have at least ${ADMIN_KEY_MIN_LENGTH} characters`);
    }
    this.adminKeyHash = adminKey ? hashApiKey(adminKey) : null;
    this.jwt = options.jwt ?? null;
  }

  private readonly jwt: TokenVerifier | null;

  async authenticate(token: string): Promise<AuthOutcome> {
    if (this.adminKeyHash !== null && sameHash(this.adminKeyHash, hashApiKey(token))) {
      return { ok: true, principal: ADMIN_PRINCIPAL };
    }
    if (token.startsWith(API_KEY_PREFIX)) {
      const check = await this.registry.check(token);
      if (!check.ok) return { ok: false, status: 401, reason: KEY_REASONS[check.reason] };
      const { key } = check;
      return {
        ok: true,
        principal: {
          kind: 'api-key',
          id: key.id,
          name: key.name,
          role: key.role,
          scopes: key.scopes,
          expiresAt: null,
        },
      };
    }
    if (JWT.test(token)) {
      if (this.jwt === null) {
        return {
          ok: false,
          status: 401,
          reason: 'bearer tokens are not accepted: no OIDC issuer is configured (AUTH_JWT_ISSUER)',
        };
      }
      return this.jwt.verify(token);
    }
    return {
      ok: false,
      status: 401,
      reason: `the credential is neither a DealWatch API key (${API_KEY_PREFIX}…) nor a JWT`,
    };
  }

  /**
   * Whether a principal authenticated earlier still may call, for answers that outlive their request
   * (server-sent events): its key not revoked, its token not expired.
   */
  async stillValid(principal: Principal, now: Date = new Date()): Promise<boolean> {
    switch (principal.kind) {
      case 'admin-key':
        return true;
      case 'jwt':
        return principal.expiresAt === null || principal.expiresAt.getTime() > now.getTime();
      case 'api-key': {
        const key = await this.registry.find(principal.id);
        return key !== null && key.revokedAt === null;
      }
    }
  }
}
