import { RateLimiter } from '@dealwatch/auth';
import { createRedisClient } from '@dealwatch/persistence';
import { createTestNamespace, requiredEnv } from '@dealwatch/testing';

import type { Redis } from 'ioredis';

const namespace = createTestNamespace('rate-limiter');

describe('the auth rate limiter on Redis', () => {
  const clients: Redis[] = [];
  const client = async (url: string) => {
    const redis = createRedisClient(url, 'rate-limiter-test');
    clients.push(redis);
    await redis.connect().catch(() => undefined);
    return redis;
  };

  afterAll(async () => {
    for (const redis of clients) {
      if (redis.status === 'ready') await redis.quit();
      else redis.disconnect(false);
    }
  });

  it('shares one count between instances, per subject and minute', async () => {
    const now = new Date('2026-01-05T10:00:30Z');
    const one = new RateLimiter(await client(requiredEnv('REDIS_URL')), namespace.topicPrefix);
    const two = new RateLimiter(await client(requiredEnv('REDIS_URL')), namespace.topicPrefix);
    expect((await one.hit('key-a', 2, now)).remaining).toBe(1);
    expect((await two.hit('key-a', 2, now)).remaining).toBe(0);
    expect(await one.hit('key-a', 2, now)).toMatchObject({ allowed: false, resetSeconds: 30 });
    expect((await two.peek('key-b', 2, now)).allowed).toBe(true);
    expect((await two.hit('key-a', 2, new Date('2026-01-05T10:01:00Z'))).allowed).toBe(true);
  });

  it('lets requests through, and says so, when Redis does not answer', async () => {
    const errors: unknown[] = [];
    // As the services' client would: reconnecting, commands queued meanwhile.
    const dead = createRedisClient('redis://127.0.0.1:1', 'rate-limiter-test');
    clients.push(dead);
    const limiter = new RateLimiter(dead, namespace.topicPrefix, (error) => errors.push(error));
    const window = await limiter.hit('key-c', 1, new Date());
    expect(window.allowed).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
  });
});
