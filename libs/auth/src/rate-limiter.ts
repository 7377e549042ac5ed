import type { Redis } from 'ioredis';

export const RATE_WINDOW_MS = 60_000;

/** Where a caller stands in the current one-minute window. */
export interface RateWindow {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

/** The window of `count` hits (this one included) against `limit` at `nowMs`. */
export function rateWindow(nowMs: number, count: number, limit: number): RateWindow {
  const ends = windowStart(nowMs) + RATE_WINDOW_MS;
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, Math.ceil((ends - nowMs) / 1000)),
  };
}

export function windowStart(nowMs: number): number {
  return Math.floor(nowMs / RATE_WINDOW_MS) * RATE_WINDOW_MS;
}

/**
 * Fixed one-minute windows counted in Redis, so every instance of every service shares them: per
 * principal (its key id or token subject) for requests, per client address for failed attempts.
 * When Redis does not answer within `timeoutMs` the request goes through (limits must not become
 * an outage), and `onError` hears of it.
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly timeoutMs = 250,
  ) {}

  /** Counts one hit of `subject` now. */
  async hit(subject: string, limit: number, now: Date): Promise<RateWindow> {
    const key = this.keyOf(subject, now);
    const count = await this.bounded(async () => {
      const results = await this.redis
        .multi()
        .incr(key)
        .pexpire(key, 2 * RATE_WINDOW_MS)
        .exec();
      const [incremented] = results ?? [];
      if (!incremented || incremented[0]) throw incremented?.[0] ?? new Error('no answer to INCR');
      return Number(incremented[1]);
    });
    return rateWindow(now.getTime(), count ?? 0, limit);
  }

  /** Where `subject` stands now, without counting: `allowed` while another hit would still fit. */
  async peek(subject: string, limit: number, now: Date): Promise<RateWindow> {
    const count = await this.bounded(async () =>
      Number((await this.redis.get(this.keyOf(subject, now))) ?? 0),
    );
    return rateWindow(now.getTime(), (count ?? 0) + 1, limit);
  }

  private keyOf(subject: string, now: Date): string {
    return `${this.prefix}auth:rate:${subject}:${windowStart(now.getTime())}`;
  }

  private async bounded(work: () => Promise<number>): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`));
          }, this.timeoutMs);
        }),
      ]);
    } catch (error) {
      this.onError(error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
