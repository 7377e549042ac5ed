import { byteSizeOf } from '@dealwatch/config';
import { ManualClock } from '@dealwatch/platform';
import {
  createTestNamespace,
  deepJson,
  dropTestSchemas,
  fuzzCase,
  itAnswersFuzzedRequests,
  requiredEnv,
} from '@dealwatch/testing';

import { startScheduler } from './testing/scheduler-harness';
import type { RunningScheduler } from './testing/scheduler-harness';

const namespace = createTestNamespace('scheduler-http-fuzz');

describe('milestone-scheduler: fuzzed HTTP requests', () => {
  let scheduler: RunningScheduler;

  beforeAll(async () => {
    scheduler = await startScheduler(namespace, new ManualClock(new Date('2026-03-01T00:00:00Z')), {
      LOG_LEVEL: 'silent',
      AUTH_FAILED_ATTEMPTS_PER_MINUTE: '1000000',
    });
  });

  afterAll(async () => {
    await scheduler.app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  itAnswersFuzzedRequests({
    base: () => scheduler.api.base,
    options: () => ({ bodyLimit: byteSizeOf('1mb') }),
    operations: ['POST /v1/milestones', 'PATCH /v1/milestones/{id}', 'GET /v1/calendar.ics'],
    regressions: [
      [
        'a __proto__ key is refused, not a calendar link made',
        fuzzCase({
          label: 'body: unknown field',
          method: 'POST',
          target: '/v1/calendar-links',
          body: '{"__proto__":1}',
          field: '__proto__',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
      [
        'a field nested 2 000 deep is a 400 naming it, not a 500',
        fuzzCase({
          label: 'body: deep',
          method: 'POST',
          target: '/v1/milestones/7d3c1c2e-4d4b-4f7e-9a57-8a2f3b5c6d7e/waive',
          body: `{"reason":${deepJson(2_000)}}`,
          field: 'reason',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
      [
        'a malformed id beside a valid body is a 400 naming agreementId',
        fuzzCase({
          label: 'path: agreementId',
          method: 'PUT',
          target: '/v1/agreements/not-a-uuid/defaults',
          body: JSON.stringify({ reason: 'set by hand' }),
          field: 'agreementId',
          expectStatus: [400],
        }),
      ],
      [
        'a NUL character in a query filter is a 400 naming it, not a 500 from PostgreSQL',
        fuzzCase({
          label: 'query: broken category',
          method: 'GET',
          target: '/v1/calendar.ics?category=%00',
          field: 'category',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
    ],
  });
});
