import { breakerView, opensAfterFailure } from '@dealwatch/alerting/domain';
import type { BreakerPolicy, BreakerRecord, BreakerView } from '@dealwatch/alerting/domain';
import { ENV, REDIS } from '@dealwatch/platform';
import type { ServiceEnv } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';

/** What the breaker lets through now. */
export type Admission =
  | { kind: 'send' }
  /** Half-open: this one request is the trial, and only it goes. */
  | { kind: 'trial' }
  | { kind: 'wait'; until: Date };

/** Breaker records outlive any cool-down; an idle receiver's record goes away after this. */
const RECORD_TTL_MS = 7 * 86_400_000;

/**
 * Per-receiver rate-limit windows and circuit breakers, in Redis so every instance shares them.
 * Time comes from the caller (the service's clock), never from Redis.
 */
@Injectable()
export class ReceiverThrottleStore {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ENV) env: ServiceEnv,
  ) {
    this.prefix = `${env.REDIS_KEY_PREFIX}alerting:`;
  }

  /** Counts one notification in the window; true while the window's count stays within `limit`. */
  async takeRate(
    receiver: string,
    window: number,
    windowMs: number,
    limit: number,
  ): Promise<boolean> {
    const key = `${this.prefix}rate:${receiver}:${window}`;
    const result = await this.redis
      .multi()
      .incr(key)
      .pexpire(key, windowMs * 2)
      .exec();
    const count = Number(result?.[0]?.[1] ?? Number.POSITIVE_INFINITY);
    return count <= limit;
  }

  async breaker(receiver: string, now: Date): Promise<BreakerView> {
    return breakerView(await this.record(receiver), now);
  }

  /** Whether a notification may go; half-open lets exactly one through until `trialLeaseMs` ends. */
  async admit(receiver: string, now: Date, trialLeaseMs: number): Promise<Admission> {
    const view = breakerView(await this.record(receiver), now);
    switch (view.state) {
      case 'closed':
        return { kind: 'send' };
      case 'open':
        return { kind: 'wait', until: view.openUntil ?? now };
      case 'half-open': {
        const taken = await this.redis.set(this.trialKey(receiver), '1', 'PX', trialLeaseMs, 'NX');
        return taken === 'OK'
          ? { kind: 'trial' }
          : { kind: 'wait', until: new Date(now.getTime() + trialLeaseMs) };
      }
    }
  }

  async recordSuccess(receiver: string): Promise<void> {
    await this.redis.del(this.breakerKey(receiver), this.trialKey(receiver));
  }

  /** Returns whether the breaker is open after it. */
  async recordFailure(receiver: string, now: Date, policy: BreakerPolicy): Promise<boolean> {
    const key = this.breakerKey(receiver);
    const [failures, openUntil] = await Promise.all([
      this.redis.hincrby(key, 'failures', 1),
      this.redis.hget(key, 'openUntil'),
    ]);
    const before: BreakerRecord = {
      consecutiveFailures: failures - 1,
      openUntil: openUntil === null ? null : Number(openUntil),
    };
    const opens = opensAfterFailure(before, policy);
    const write = this.redis.multi();
    if (opens) {
      write.hset(key, 'openUntil', String(now.getTime() + policy.cooldownMs));
      write.del(this.trialKey(receiver));
    }
    await write.pexpire(key, RECORD_TTL_MS).exec();
    return opens;
  }

  private async record(receiver: string): Promise<BreakerRecord> {
    const fields = await this.redis.hgetall(this.breakerKey(receiver));
    return {
      consecutiveFailures: Number(fields['failures'] ?? 0),
      openUntil: fields['openUntil'] === undefined ? null : Number(fields['openUntil']),
    };
  }

  private breakerKey(receiver: string): string {
    return `${this.prefix}breaker:${receiver}`;
  }

  private trialKey(receiver: string): string {
    return `${this.prefix}breaker-trial:${receiver}`;
  }
}
