import { createHmac, timingSafeEqual } from 'node:crypto';

export type AckLinkCheck = 'valid' | 'expired' | 'invalid';

/**
 * The one-click acknowledgement link of an alert: `<base>/v1/alerts/<id>/ack?exp=<unix seconds>&sig=`
 * HMAC-SHA256 over `ack.<id>.<exp>` with the service's key, so only links the service made are
 * honoured, for that alert only, until they expire.
 */
export function ackLink(baseUrl: string, alertId: string, expiresAt: Date, key: Buffer): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/v1/alerts/${alertId}/ack?exp=${exp}&sig=${signature(alertId, exp, key)}`;
}

export function checkAckLink(
  alertId: string,
  exp: string,
  sig: string,
  key: Buffer,
  now: Date,
): AckLinkCheck {
  if (!/^\d{1,12}$/.test(exp) || !/^[\w-]{1,100}$/.test(sig)) return 'invalid';
  const expected = Buffer.from(signature(alertId, Number(exp), key), 'base64url');
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'valid';
}

function signature(alertId: string, exp: number, key: Buffer): string {
  return createHmac('sha256', key)
    .update(`ack.${alertId.toLowerCase()}.${exp}`)
    .digest('base64url');
}
