import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignedLinkCheck = 'valid' | 'expired' | 'invalid';

/** What a link carries besides its meaning, as the query parser hands it over (unchecked). */
export interface LinkSignature {
  exp: unknown;
  sig: unknown;
}

const EXPIRY = /^\d{1,12}$/;
const SIGNATURE = /^[\w-]{1,100}$/;

/** The `exp` of a link expiring at `expiresAt`: whole unix seconds, rounded down. */
export function linkExpiry(expiresAt: Date): number {
  return Math.floor(expiresAt.getTime() / 1000);
}

/** The `sig` of a link: HMAC-SHA256 of `message` with `key`, base64url. */
export function signLink(message: string, key: Buffer): string {
  return createHmac('sha256', key).update(message).digest('base64url');
}

/**
 * Whether `link` was signed with `key` over the message `messageFor(exp)` composes, and is still
 * valid at `now`. Malformed parameters (an array from a repeated name, a non-numeric expiry) are
 * 'invalid', never an exception; the comparison takes the same time wherever the bytes differ.
 */
export function checkSignedLink(
  link: LinkSignature,
  messageFor: (exp: number) => string,
  key: Buffer,
  now: Date,
): SignedLinkCheck {
  const { exp, sig } = link;
  if (typeof exp !== 'string' || !EXPIRY.test(exp)) return 'invalid';
  if (typeof sig !== 'string' || !SIGNATURE.test(sig)) return 'invalid';
  const expected = Buffer.from(signLink(messageFor(Number(exp)), key), 'base64url');
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'valid';
}
