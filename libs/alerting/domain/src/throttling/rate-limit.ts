import { approximateMs, tryParseIsoDuration } from '@dealwatch/time';

/** At most `count` notifications to one receiver per `per` (an ISO 8601 duration). */
export interface RateLimit {
  count: number;
  per: string;
}

/** The fixed window an instant falls in: its number, and when the next one opens. */
export interface RateWindow {
  index: number;
  opensNextAt: Date;
}

const MIN_WINDOW_MS = 1_000;
const MAX_WINDOW_MS = 86_400_000;

/** The length of a limit's window in ms; null when `per` is no duration from 1 s to 1 day. */
export function rateWindowMs(per: string): number | null {
  const duration = tryParseIsoDuration(per);
  if (!duration) return null;
  const ms = approximateMs(duration);
  return ms >= MIN_WINDOW_MS && ms <= MAX_WINDOW_MS ? ms : null;
}

/** Windows are aligned on the epoch, so every instance counts in the same one. */
export function rateWindowAt(now: Date, windowMs: number): RateWindow {
  const index = Math.floor(now.getTime() / windowMs);
  return { index, opensNextAt: new Date((index + 1) * windowMs) };
}
