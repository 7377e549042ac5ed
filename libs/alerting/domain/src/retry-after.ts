const DELAY_SECONDS = /^\d+$/;

/**
 * How long a `Retry-After` header asks us to wait, in ms: either delay-seconds (`120`) or an
 * HTTP-date (`Wed, 21 Oct 2026 07:28:00 GMT`) measured from `now`. A date in the past means "now"
 * (0); a missing or unreadable header is null.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (DELAY_SECONDS.test(value)) return Number(value) * 1000;
  // Only a date with a day and a time zone: Date.parse would also accept "5" or "2026".
  if (!/\d{1,2}\s+\w{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT$/.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
