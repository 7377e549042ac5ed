import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_KEY_PREFIX = 'dwk_';
/** `dwk_<id: 16 hex>_<secret: 32 random bytes, base64url>`. */
const API_KEY = /^dwk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** Shortest DEALWATCH_ADMIN_API_KEY accepted: it must be as hard to guess as a generated key. */
export const ADMIN_KEY_MIN_LENGTH = 32;

export interface GeneratedApiKey {
  /** Public: names the key in lists, logs and `DELETE /v1/api-keys/:id`. */
  id: string;
  /** The whole key, shown to its creator once and never stored. */
  key: string;
  /** What is stored: SHA-256 of the whole key. */
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const id = randomBytes(8).toString('hex');
  const key = `${API_KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  return { id, key, hash: hashApiKey(key) };
}

/** The id a well-formed key names, or null for anything else. */
export function parseApiKey(token: string): { id: string } | null {
  const match = API_KEY.exec(token);
  return match?.[1] ? { id: match[1] } : null;
}

/**
 * SHA-256, hex. Enough for keys of 256 random bits: nobody can search that space, so a slow password
 * hash would only slow every request down.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compares two hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
