import { byteSizeOf, loadEnv } from '@dealwatch/config';
import { startInProcess } from '@dealwatch/platform/testing';
import {
  createTestNamespace,
  deepJson,
  dropTestSchemas,
  fuzzCase,
  itAnswersFuzzedRequests,
  multipartBody,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';

import { AppModule } from './app.module';
import { IngestEnv } from './ingest.env';

const namespace = createTestNamespace('ingest-http-fuzz');

describe('ingest: fuzzed HTTP requests', () => {
  let app: INestApplication;
  let base: string;
  // A smaller document limit than production's keeps the oversize cases quick.
  const env = loadEnv(IngestEnv, {
    ...process.env,
    ...testAuthEnv(namespace),
    AUTH_FAILED_ATTEMPTS_PER_MINUTE: '1000000',
    LOG_LEVEL: 'silent',
    DATABASE_SCHEMA: `${namespace.schemaPrefix}ingest`,
    KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
    INGEST_MAX_BODY: '2mb',
  });

  beforeAll(async () => {
    ({ app, base } = await startInProcess(AppModule.register(env), {
      bodyLimit: env.INGEST_MAX_BODY,
    }));
  });

  afterAll(async () => {
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  itAnswersFuzzedRequests({
    base: () => base,
    options: () => ({ bodyLimit: byteSizeOf(env.INGEST_MAX_BODY) }),
    operations: ['POST /v1/agreements', 'POST /v1/sources'],
    regressions: [
      [
        'a JSON body nested 10 000 deep is a 400, not a 500',
        fuzzCase({
          label: 'any body: JSON nested 10000 deep',
          method: 'POST',
          target: '/v1/agreements',
          body: deepJson(10_000, 'object'),
          expectStatus: [400],
        }),
      ],
      [
        'a constructor key is refused as an unknown field',
        fuzzCase({
          label: 'body: unknown field',
          method: 'POST',
          target: '/v1/sources',
          body: JSON.stringify({ url: 'http://127.0.0.1:9/feed', name: 'P{', constructor: 1 }),
          field: 'constructor',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
      [
        'a wrong-typed text beside a document is named',
        fuzzCase({
          label: 'body: wrong type',
          method: 'POST',
          target: '/v1/agreements',
          body: JSON.stringify({
            document: ' ',
            mediaType: 'a/-',
            publishedAt: ' ',
            text: [1, 'two', null],
          }),
          field: 'text',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
      [
        'a form field named __proto__ is refused',
        fuzzCase({
          label: 'form: field __proto__',
          method: 'POST',
          target: '/v1/agreements',
          headers: { 'content-type': 'multipart/form-data; boundary=b' },
          body: multipartBody(
            [
              { name: '__proto__', data: '1' },
              {
                name: 'file',
                filename: 'a.txt',
                contentType: 'text/plain',
                data: 'The Parties will meet within 30 days.',
              },
            ],
            'b',
          ),
          field: '__proto__',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
      [
        'an undecodable id is a 400 problem',
        fuzzCase({
          label: 'path: id',
          method: 'GET',
          target: '/v1/sources/%E0%A4%A',
          expectStatus: [400],
        }),
      ],
      [
        'a NUL character in a source name is a 400 naming it, not a 500 from PostgreSQL',
        fuzzCase({
          label: 'body: hostile',
          method: 'POST',
          target: '/v1/sources',
          body: JSON.stringify({ url: 'http://127.0.0.1:9/feed', name: '/etc/passwd\u0000.txt' }),
          field: 'name',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
      [
        'an unpaired surrogate in an agreement is a 400 naming it, not an event that fails downstream',
        fuzzCase({
          label: 'body: hostile',
          method: 'POST',
          target: '/v1/agreements',
          body: JSON.stringify({
            title: 'Lone \ud800 surrogate pact',
            text: 'The parties will hold a ministerial meeting within 180 days.',
          }),
          field: 'title',
          mustReject: true,
          expectStatus: [400],
        }),
      ],
    ],
  });
});
