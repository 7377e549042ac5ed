import type { ServiceEnv } from '@dealwatch/platform';
import { createTestNamespace, requiredEnv } from '@dealwatch/testing';

import { Redis } from 'ioredis';

import { ReceiverThrottleStore } from './receiver-throttle.store';

const namespace = createTestNamespace('alerting-throttle-store');
const t0 = new Date('2026-04-29T09:00:00.000Z');
const policy = { failureThreshold: 2, cooldownMs: 60_000 };

describe('ReceiverThrottleStore on Redis', () => {
  const redis = new Redis(requiredEnv('REDIS_URL'));
  const store = new ReceiverThrottleStore(redis, {
    REDIS_KEY_PREFIX: namespace.topicPrefix,
  } as ServiceEnv);

  afterAll(async () => {
    const keys = await redis.keys(`${namespace.topicPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('counts a window across callers and starts again in the next', async () => {
    const taken = await Promise.all(
      Array.from({ length: 5 }, () => store.takeRate('chat', 7, 60_000, 3)),
    );
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(await store.takeRate('chat', 8, 60_000, 3)).toBe(true);
    expect(await store.takeRate('other', 7, 60_000, 3)).toBe(true);
  });

  it('opens after failures in a row, lets exactly one trial through, and a failed trial reopens it', async () => {
    expect(await store.admit('hook', t0, 5_000)).toEqual({ kind: 'send' });
    expect(await store.recordFailure('hook', t0, policy)).toBe(false);
    expect(await store.recordFailure('hook', t0, policy)).toBe(true);
    expect(await store.admit('hook', t0, 5_000)).toEqual({
      kind: 'wait',
      until: new Date(t0.getTime() + 60_000),
    });

    const later = new Date(t0.getTime() + 60_000);
    const admissions = await Promise.all(
      Array.from({ length: 4 }, () => store.admit('hook', later, 5_000)),
    );
    expect(admissions.filter((admission) => admission.kind === 'trial')).toHaveLength(1);
    expect((await store.breaker('hook', later)).state).toBe('half-open');

    expect(await store.recordFailure('hook', later, policy)).toBe(true);
    expect(await store.breaker('hook', later)).toMatchObject({
      state: 'open',
      openUntil: new Date(later.getTime() + 60_000),
    });

    await store.recordSuccess('hook');
    expect(await store.breaker('hook', later)).toEqual({
      state: 'closed',
      consecutiveFailures: 0,
      openUntil: null,
    });
  });
});
