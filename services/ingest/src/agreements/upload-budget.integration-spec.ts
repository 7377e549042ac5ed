import {
  TEST_ADMIN_API_KEY,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  requiredEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { request } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';

import { startIngest } from '../testing/start-ingest';

const namespace = createTestNamespace('ingest-budget');
const KiB = 1024;

/** A commitment padded to `bytes`, distinct per `tag` so that nothing de-duplicates. */
function agreementOf(bytes: number, tag: string): Buffer {
  const text = `Agreement ${tag}. The Parties shall meet within 30 days.\n`;
  return Buffer.from(text.padEnd(bytes, ' '));
}

describe('ingest holding at most INGEST_UPLOADS_IN_FLIGHT of uploads at once', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    ({ app, base } = await startIngest(namespace, {
      INGEST_MAX_BODY: '128kb',
      INGEST_UPLOADS_IN_FLIGHT: '80kb',
    }));
  });

  afterAll(async () => {
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  const unfinished: (() => void)[] = [];
  afterEach(() => {
    // A failed expectation must not leave an upload holding the budget, nor the server open.
    for (const finish of unfinished.splice(0)) finish();
  });

  /** An upload whose body arrives only when `finish` is called: it stays in flight until then. */
  function slowUpload(body: Buffer): { finish: () => void; answer: Promise<number> } {
    let sent: ClientRequest;
    const answer = new Promise<number>((resolve, reject) => {
      sent = request(
        `${base}/v1/agreements`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${TEST_ADMIN_API_KEY}`,
            'content-type': 'text/plain',
            'content-length': body.byteLength,
          },
        },
        (response: IncomingMessage) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      ).on('error', reject);
      sent.write(body.subarray(0, 10));
    });
    let finished = false;
    const finish = () => {
      if (!finished) sent.end(body.subarray(10));
      finished = true;
    };
    unfinished.push(finish);
    return { finish, answer };
  }

  const post = (body: Buffer) =>
    apiFetch(`${base}/v1/agreements`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });

  it('refuses an upload that would go past it with 503 and Retry-After, and takes it once there is room', async () => {
    const slow = slowUpload(agreementOf(60 * KiB, 'slow'));
    // Small enough to fit beside the slow one; answered (and its room given back) before the next.
    expect((await post(agreementOf(10 * KiB, 'small'))).status).toBe(202);

    const refused = await post(agreementOf(30 * KiB, 'waiting'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      '60 KB of other uploads are being read, and this one would take it past the 80 KB held at once: send it again in a moment',
    );

    slow.finish();
    expect(await slow.answer).toBe(202);
    expect((await post(agreementOf(30 * KiB, 'waiting'))).status).toBe(202);
  });

  it('lets an upload larger than it in alone, and leaves one over the body limit to be refused with 413', async () => {
    expect((await post(agreementOf(100 * KiB, 'alone'))).status).toBe(202);

    const slow = slowUpload(agreementOf(60 * KiB, 'slow again'));
    expect((await post(agreementOf(130 * KiB, 'oversize'))).status).toBe(413);
    slow.finish();
    expect(await slow.answer).toBe(202);
  });
});
