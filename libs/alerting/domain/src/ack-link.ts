import { checkSignedLink, linkExpiry, signLink } from '@dealwatch/signed-link';
import type { SignedLinkCheck } from '@dealwatch/signed-link';

export type AckLinkCheck = SignedLinkCheck;

/**
 * The one-click acknowledgement link of an alert: `<base>/v1/alerts/<id>/ack?exp=<unix seconds>&sig=`
 * HMAC-SHA256 over `ack.<id>.<exp>` with the service's key, so only links the service made are
 * honoured, for that alert only, until they expire.
 */
export function ackLink(baseUrl: string, alertId: string, expiresAt: Date, key: Buffer): string {
  const exp = linkExpiry(expiresAt);
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/v1/alerts/${alertId}/ack?exp=${exp}&sig=${signLink(ackMessage(alertId, exp), key)}`;
}

export function checkAckLink(
  alertId: string,
  exp: string,
  sig: string,
  key: Buffer,
  now: Date,
): AckLinkCheck {
  return checkSignedLink({ exp, sig }, (expiry) => ackMessage(alertId, expiry), key, now);
}

function ackMessage(alertId: string, exp: number): string {
  return `ack.${alertId.toLowerCase()}.${exp}`;
}
