import { byteSizeOf } from '@dealwatch/config';
import {
  createTestNamespace,
  deepJson,
  dropTestSchemas,
  fuzzCase,
  itAnswersFuzzedRequests,
  requiredEnv,
} from '@dealwatch/testing';

import { startAlerting } from './testing/alerting-harness';
import type { RunningAlerting } from './testing/alerting-harness';

const namespace = createTestNamespace('alerting-http-fuzz');

describe('alerting: fuzzed HTTP requests', () => {
  let service: RunningAlerting;

  beforeAll(async () => {
    service = await startAlerting(namespace, [], {
      LOG_LEVEL: 'silent',
      AUTH_FAILED_ATTEMPTS_PER_MINUTE: '1000000',
    });
  });

  afterAll(async () => {
    await service.app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  itAnswersFuzzedRequests({
    base: () => service.base,
    options: () => ({ bodyLimit: byteSizeOf('1mb') }),
    operations: ['POST /v1/receivers', 'PUT /v1/routes', 'GET /v1/alerts/{id}/ack'],
    regressions: [
      [
        'a field nested 2 000 deep is a 400 naming it, not a 500',
        fuzzCase({
          label: 'body: deep',
          method: 'POST',
          target: '/v1/receivers',
          body: `{"name":"a","kind":"webhook","sendResolved":${deepJson(2_000)}}`,
          field: 'sendResolved',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
      [
        'a long non-UUID id of a signed link is a 400 naming id',
        fuzzCase({
          label: 'path: id',
          method: 'GET',
          target: `/v1/alerts/${'a'.repeat(8_000)}/ack?exp=1&sig=x`,
          field: 'id',
          expectStatus: [400],
        }),
      ],
      [
        'a NUL character in a comment is a 400 naming it, not a 500 from PostgreSQL',
        fuzzCase({
          label: 'body: hostile',
          method: 'POST',
          target: '/v1/alerts/7d3c1c2e-4d4b-4f7e-9a57-8a2f3b5c6d7e/ack',
          body: JSON.stringify({ comment: '/etc/passwd\u0000.txt' }),
          field: 'comment',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
    ],
  });
});
