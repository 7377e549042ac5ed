import { loadEnv } from '@dealwatch/config';
import { ManualClock } from '@dealwatch/platform';
import { startInProcess } from '@dealwatch/platform/testing';
import {
  TestApiKeys,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';

import { AppModule } from '../app.module';
import { ConsoleEnv } from '../console.env';

const namespace = createTestNamespace('console-rate');

describe('rate limits per caller and per client address, in Redis', () => {
  // Windows follow the service's clock, so the test moves to the next minute instead of waiting.
  const clock = new ManualClock(new Date('2026-01-05T10:00:15Z'));
  let app: INestApplication;
  let base: string;
  let keys: TestApiKeys;

  beforeAll(async () => {
    const env = loadEnv(ConsoleEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      LOG_LEVEL: 'silent',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}console`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      AUTH_RATE_LIMIT_PER_MINUTE: '3',
      AUTH_FAILED_ATTEMPTS_PER_MINUTE: '2',
    });
    ({ app, base } = await startInProcess(AppModule.register(env, { clock })));
    keys = await TestApiKeys.open(requiredEnv('DATABASE_URL'), namespace);
  });

  afterAll(async () => {
    await keys.close();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  const limits = (response: Response) => ({
    status: response.status,
    limit: response.headers.get('ratelimit-limit'),
    remaining: response.headers.get('ratelimit-remaining'),
    reset: response.headers.get('ratelimit-reset'),
  });

  it('answers 429 past the limit of a key, other keys unaffected, and lets it in the next minute', async () => {
    const busy = (await keys.create('viewer', { name: 'busy' })).key;
    const other = (await keys.create('viewer', { name: 'other' })).key;
    const call = (key: string) => apiFetch(`${base}/api/alerts`, {}, key);

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(limits(await call(busy)));
    expect(answers).toEqual([
      { status: 200, limit: '3', remaining: '2', reset: '45' },
      { status: 200, limit: '3', remaining: '1', reset: '45' },
      { status: 200, limit: '3', remaining: '0', reset: '45' },
    ]);

    const refused = await call(busy);
    expect(limits(refused)).toEqual({ status: 429, limit: '3', remaining: '0', reset: '45' });
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toEqual({
      type: 'https://dealwatch.dev/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
      detail: 'busy made more than 3 requests this minute; try again in 45 s',
      instance: '/api/alerts',
    });
    expect((await call(other)).status).toBe(200);

    clock.advance(45_000);
    expect(limits(await call(busy))).toEqual({
      status: 200,
      limit: '3',
      remaining: '2',
      reset: '60',
    });
  });

  it('slows down an address that keeps presenting refused keys', async () => {
    clock.set(new Date('2026-01-05T10:05:20Z'));
    const good = (await keys.create('viewer')).key;
    const wrong = `dwk_0123456789abcdef_${'w'.repeat(43)}`;
    const call = (key: string) => apiFetch(`${base}/api/alerts`, {}, key);
    expect((await call(wrong)).status).toBe(401);
    expect((await call(wrong)).status).toBe(401);

    const slowed = await call(wrong);
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('40');
    expect(await slowed.json()).toMatchObject({
      type: 'https://dealwatch.dev/problems/rate-limited',
      detail: 'too many refused credentials from this address; try again in 40 s',
    });
    // Until the minute ends, even a good key from that address waits.
    expect((await call(good)).status).toBe(429);
    // Health stays open.
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    clock.advance(40_000);
    expect((await call(good)).status).toBe(200);
  });
});
