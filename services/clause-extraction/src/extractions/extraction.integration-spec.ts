import { loadEnv } from '@dealwatch/config';
import {
  DeadLetterHeaders,
  MAX_EVENT_VALUE_BYTES,
  MAX_EXTRACTION_EVENT_VALUE_BYTES,
  Topics,
} from '@dealwatch/contracts';
import type { AgreementIngestedV1, ClausesExtractedV1 } from '@dealwatch/contracts';
import { startInProcess } from '@dealwatch/platform/testing';
import {
  EventPublisher,
  TopicRecorder,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { AppModule } from '../app.module';
import { ExtractionEnv } from '../extraction.env';

const seed = readFileSync(
  resolve(__dirname, '../../../../samples/seed-us-japan.txt'),
  'utf8',
).trimEnd();
const namespace = createTestNamespace('extraction');
const topic = (name: string) => `${namespace.topicPrefix}${name}`;
const brokers = requiredEnv('KAFKA_BROKERS').split(',');

function ingested(agreementId: string, text: string): AgreementIngestedV1 {
  return {
    agreementId,
    title: null,
    text,
    contentSha256: createHash('sha256').update(text).digest('hex'),
    sourceUrl: null,
    publishedAt: '2025-10-28',
    signedAt: null,
    ingestedAt: '2025-10-28T10:00:00Z',
  };
}

describe('clause-extraction service on real Kafka and PostgreSQL', () => {
  let app: INestApplication;
  let base: string;
  let publisher: EventPublisher;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    const env = loadEnv(ExtractionEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      LOG_LEVEL: 'warn',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}extraction`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      OUTBOX_POLL_INTERVAL_MS: '50',
    });
    ({ app, base } = await startInProcess(AppModule.register(env)));
    publisher = await new EventPublisher(brokers, namespace.topicPrefix).start();
    recorder = await new TopicRecorder(brokers).start([
      topic(Topics.ClausesExtractedV1),
      `${topic(Topics.AgreementIngestedV1)}.dlq`,
    ]);
  });

  afterAll(async () => {
    await publisher.stop();
    await recorder.stop();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function publish(payload: AgreementIngestedV1, eventId = randomUUID()): Promise<void> {
    await publisher.publish(Topics.AgreementIngestedV1, payload, {
      key: payload.agreementId,
      eventId,
    });
  }

  function extractionsOf(agreementId: string): ClausesExtractedV1[] {
    return recorder
      .on(topic(Topics.ClausesExtractedV1))
      .filter((message) => message.key === agreementId)
      .map((message) => JSON.parse(message.value!) as ClausesExtractedV1);
  }

  it('announces the seed obligations with their deadlines and evidence spans, and nothing from the page furniture', async () => {
    const agreementId = randomUUID();
    await publish(ingested(agreementId, seed));
    const [extracted] = await expectEventually(() => {
      const found = extractionsOf(agreementId);
      expect(found).toHaveLength(1);
      return found;
    });

    expect(extracted!.parties).toEqual(expect.arrayContaining(['United States', 'Japan']));
    expect(extracted!.signedAt).toBe('2025-10-28');
    const dated = extracted!.obligations.filter((o) => o.deadline?.dueDate);
    expect(dated.map((o) => [o.category, o.deadline?.dueDate]).sort()).toEqual([
      ['financing', '2026-04-28'],
      ['meeting', '2026-04-26'],
    ]);
    const texts = extracted!.obligations.map((o) => o.text).join(' | ');
    for (const topicWord of [
      'permitting',
      'geological mapping',
      'Rapid Response Group',
      'stockpiling',
    ]) {
      expect(texts).toContain(topicWord);
    }
    for (const obligation of extracted!.obligations) {
      expect(seed.slice(obligation.span[0], obligation.span[1])).toBe(obligation.text);
      expect(obligation.text).not.toMatch(/sputnik|feedback@|https?:\/\/|\d{4}-\d{2}-\d{2}T/i);
    }
  });

  it('extracts a redelivered or re-sent agreement once, with the same obligation keys', async () => {
    const agreementId = randomUUID();
    const payload = ingested(agreementId, 'The parties shall meet within 30 days of 1 March 2026.');
    const eventId = randomUUID();
    await publish(payload, eventId);
    await publish(payload, eventId);
    await publish(payload);
    await expectEventually(() => expect(extractionsOf(agreementId)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(extractionsOf(agreementId)).toHaveLength(1);

    const response = await apiFetch(`${base}/v1/agreements/${agreementId}/extraction`);
    expect(response.status).toBe(200);
    const stored = (await response.json()) as ClausesExtractedV1;
    expect(stored.obligations.map((o) => o.obligationKey)).toEqual(
      extractionsOf(agreementId)[0]!.obligations.map((o) => o.obligationKey),
    );
  });

  it('reads a run of agreements together: each announced once per text, in the order sent', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const meeting = ingested(first, 'The parties shall meet within 30 days of 1 March 2026.');
    const report = ingested(second, 'The Borrower shall report within 10 days of 2 March 2026.');
    const amended = ingested(first, 'The parties shall meet within 60 days of 1 March 2026.');
    // One key: the four events reach the service in one fetched run.
    await publisher.publishAll(
      Topics.AgreementIngestedV1,
      [meeting, report, meeting, amended].map((payload) => ({ payload, key: 'one-run' })),
    );
    const texts = (agreementId: string) =>
      extractionsOf(agreementId).map((extracted) => extracted.obligations.map((o) => o.text));
    await expectEventually(() => {
      expect(texts(first)).toEqual([[meeting.text], [amended.text]]);
      expect(texts(second)).toEqual([[report.text]]);
    });
    const response = await apiFetch(`${base}/v1/agreements/${first}/extraction`);
    expect(((await response.json()) as ClausesExtractedV1).extractionId).toBe(
      extractionsOf(first)[1]!.extractionId,
    );
  });

  it('announces the extraction of a dense agreement, larger than its text and than other events may be', async () => {
    const agreementId = randomUUID();
    // Short numbered clauses: each obligation's fields take several times its sentence.
    const text = Array.from(
      { length: 1_500 },
      (_, i) =>
        `${i + 1}.1 The Supplier shall deliver lot ${i + 1} to the Buyer no later than ${(i % 28) + 1} March 2027.\n` +
        `${i + 1}.2 The Buyer shall pay the price of lot ${i + 1} within thirty (30) days after its delivery.`,
    ).join('\n');
    await publish(ingested(agreementId, text));
    const message = await expectEventually(
      () => {
        const found = recorder
          .on(topic(Topics.ClausesExtractedV1))
          .find((candidate) => candidate.key === agreementId);
        expect(found).toBeDefined();
        return found!;
      },
      { timeoutMs: 30_000 },
    );
    const bytes = Buffer.byteLength(message.value!);
    expect(bytes).toBeGreaterThan(MAX_EVENT_VALUE_BYTES);
    expect(bytes).toBeLessThanOrEqual(MAX_EXTRACTION_EVENT_VALUE_BYTES);
    const extracted = JSON.parse(message.value!) as ClausesExtractedV1;
    expect(extracted.obligations).toHaveLength(3_000);
    expect(extracted.obligations[0]).toMatchObject({
      text: 'The Supplier shall deliver lot 1 to the Buyer no later than 1 March 2027.',
      actors: ['Supplier'],
    });
  }, 60_000);

  it('dead-letters at once an agreement whose extraction is over even its own limit, saying so, and goes on', async () => {
    const tooMany = randomUUID();
    const next = randomUUID();
    const text = 'Each party shall pay one dollar by 1 May 2027. '.repeat(20_000);
    await publish(ingested(tooMany, text));
    await publish(ingested(next, 'The parties shall meet within 30 days of 1 March 2026.'));
    const dead = await expectEventually(
      () => {
        const found = recorder
          .on(`${topic(Topics.AgreementIngestedV1)}.dlq`)
          .find((message) => message.key === tooMany);
        expect(found).toBeDefined();
        return found!;
      },
      { timeoutMs: 45_000 },
    );
    expect(dead.headers[DeadLetterHeaders.error]).toMatch(
      new RegExp(
        `^EventTooLargeError: a dealwatch\\.clauses\\.extracted\\.v1 event of \\d+ bytes is over the ${MAX_EXTRACTION_EVENT_VALUE_BYTES}-byte limit`,
      ),
    );
    await expectEventually(() => expect(extractionsOf(next)).toHaveLength(1));
    expect(extractionsOf(tooMany)).toEqual([]);
  }, 60_000);

  it('answers 404 before an agreement has been extracted', async () => {
    expect((await apiFetch(`${base}/v1/agreements/${randomUUID()}/extraction`)).status).toBe(404);
  });
});
