import { checkSignedLink, linkExpiry, signLink } from '@dealwatch/signed-link';
import type { SignedLinkCheck } from '@dealwatch/signed-link';
import { approximateMs, parseIsoDuration, tryParseIsoDuration } from '@dealwatch/time';

export type CalendarLinkCheck = SignedLinkCheck;

/** Query parameters as an HTTP framework parses them: repeated names become arrays. */
export type QueryParameters = Record<string, string | string[] | undefined>;

export const CALENDAR_FEED_PATH = '/v1/calendar.ics';
export const DEFAULT_LINK_VALIDITY = 'P1Y';
/** A leaked link cannot be revoked short of changing the secret, so none lives longer. */
export const MAX_LINK_VALIDITY = 'P2Y';

const MAX_VALIDITY_MS = approximateMs(parseIsoDuration(MAX_LINK_VALIDITY));

/**
 * How long (ms) a link valid for the ISO 8601 duration `validFor` lives, a year counted as 365
 * days and a month as 30; null for a text that is not a duration, for zero, and past
 * MAX_LINK_VALIDITY.
 */
export function calendarLinkValidityMs(validFor: string): number | null {
  const duration = tryParseIsoDuration(validFor);
  if (!duration) return null;
  const ms = approximateMs(duration);
  return ms > 0 && ms <= MAX_VALIDITY_MS ? ms : null;
}

/**
 * A subscription link to the calendar feed, for calendar apps that cannot send credentials:
 * `<base>/v1/calendar.ics?<filters>&exp=<unix seconds>&sig=`, HMAC-SHA256 with the service's
 * secret over the path and every other parameter in canonical order, so neither the filters nor
 * the expiry can be changed without breaking the signature.
 */
export function calendarLink(
  baseUrl: string,
  filters: Record<string, string | undefined>,
  expiresAt: Date,
  secret: Buffer,
): string {
  const query = canonicalQuery({ ...filters, exp: String(linkExpiry(expiresAt)) });
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}${CALENDAR_FEED_PATH}?${query}&sig=${signLink(calendarMessage(CALENDAR_FEED_PATH, query), secret)}`;
}

/** Whether a request's path and query carry a signature this secret made, and still valid. */
export function checkCalendarLink(
  path: string,
  query: QueryParameters,
  secret: Buffer,
  now: Date,
): CalendarLinkCheck {
  // The expiry is one of the canonical parameters, so the message needs no other copy of it.
  const message = calendarMessage(path, canonicalQuery(query));
  return checkSignedLink({ exp: query['exp'], sig: query['sig'] }, () => message, secret, now);
}

/**
 * The parameters other than `sig`, sorted by name then value and percent-encoded, so the same
 * filters always sign the same way whatever order a client writes them in.
 */
export function canonicalQuery(query: QueryParameters): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(query)) {
    if (name === 'sig' || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  }
  return pairs
    .sort(([a, x], [b, y]) => compare(a, b) || compare(x, y))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function calendarMessage(path: string, canonical: string): string {
  return `calendar\n${path}\n${canonical}`;
}
