import { ENV, REDIS } from '@dealwatch/platform';
import type { ServiceEnv } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';

/** One request per host per interval, across every ingest instance (the slot lives in Redis). */
@Injectable()
export class HostRateLimit {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ENV) private readonly env: ServiceEnv,
  ) {}

  /** 0 when the caller may send now (and has taken the slot); else how long to wait, in ms. */
  async take(host: string, intervalMs: number): Promise<number> {
    if (intervalMs <= 0) return 0;
    const key = `${this.env.REDIS_KEY_PREFIX}ingest:host-slot:${host.toLowerCase()}`;
    if ((await this.redis.set(key, '1', 'PX', intervalMs, 'NX')) === 'OK') return 0;
    return Math.max(1, await this.redis.pttl(key));
  }
}
