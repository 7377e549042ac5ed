/** A pause short enough to catch work just due, long enough not to spin on work another holds. */
const MIN_PAUSE_MS = 5;

/**
 * How long a polling loop sleeps when the next thing it must do falls due at `next` (null: nothing
 * known): until then, but never longer than `pollMs`, since work may also come from elsewhere.
 */
export function pauseUntil(next: Date | null, now: Date, pollMs: number): number {
  if (!next) return pollMs;
  return Math.max(MIN_PAUSE_MS, Math.min(pollMs, next.getTime() - now.getTime()));
}
