import type { Role } from './roles';

/** Who is calling, once authenticated. */
export interface Principal {
  kind: 'api-key' | 'admin-key' | 'jwt';
  /** Stable: the key id, `admin` for DEALWATCH_ADMIN_API_KEY, or `jwt:<sub>`. Rate limits count by it. */
  id: string;
  /** For people and audit trails: the key's name, or the token's e-mail, username or subject. */
  name: string;
  role: Role;
  /** Services the caller may call; empty for all. */
  scopes: string[];
  /** When a token stops being valid; keys have none. */
  expiresAt: Date | null;
}

/** Where the guard leaves the principal on the request. */
export interface AuthenticatedRequest {
  principal?: Principal;
}
