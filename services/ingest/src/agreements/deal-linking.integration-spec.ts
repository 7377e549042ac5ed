import { Topics } from '@dealwatch/contracts';
import {
  TopicRecorder,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { startIngest } from '../testing/start-ingest';

/** CI clones the repository next to a copy of shared/: found from the repository root. */
const corpus = resolve(__dirname, '../../../../../shared/corpus/agreements');
const namespace = createTestNamespace('ingest-linking');
const read = (file: string) => readFileSync(resolve(corpus, file), 'utf8');

(existsSync(resolve(corpus, 'gold.json')) ? describe : describe.skip)(
  'one agreement per deal, on real infrastructure',
  () => {
    let app: INestApplication;
    let base: string;
    let recorder: TopicRecorder;
    const added = `${namespace.topicPrefix}${Topics.AgreementDocumentAddedV1}`;

    beforeAll(async () => {
      ({ app, base } = await startIngest(namespace));
      recorder = await new TopicRecorder(requiredEnv('KAFKA_BROKERS').split(',')).start([added]);
    });

    afterAll(async () => {
      await recorder.stop();
      await app.close();
      await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
    });

    async function ingest(file: string, edit: (text: string) => string = (text) => text) {
      const response = await apiFetch(`${base}/v1/agreements`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: edit(read(file)),
      });
      return (await response.json()) as { id: string; status: string };
    }

    it('attaches the official framework to the agreement the news report created, and announces it', async () => {
      const report = await ingest('seed-us-japan.txt');
      const official = await ingest('framework-us-japan.txt');
      expect(official).toEqual(expect.objectContaining({ id: report.id, status: 'linked' }));

      const agreement = (await (await apiFetch(`${base}/v1/agreements/${report.id}`)).json()) as {
        text: string;
        documents: { id: string; linkedBecause: Record<string, unknown> }[];
      };
      // The report's page noise is gone from the text; its prose is what both were compared on.
      expect(agreement.text).toMatch(/^US, Japan Sign Framework Deal/);
      expect(agreement.text).not.toContain('sputnikglobe.com');
      expect(agreement.documents).toHaveLength(2);
      expect(agreement.documents[1]?.linkedBecause).toMatchObject({
        kind: 'near-duplicate',
        matchedDocumentId: agreement.documents[0]?.id,
        sharedSignals: expect.arrayContaining(['parties: Japan, United States']),
      });

      const event = await expectEventually(() => {
        const found = recorder.on(added).find((message) => message.key === report.id);
        expect(found).toBeDefined();
        return found!;
      });
      expect(JSON.parse(event.value!)).toMatchObject({
        agreementId: report.id,
        documentId: agreement.documents[1]?.id,
        text: read('framework-us-japan.txt').trimEnd(),
        linkedBecause: { matchedDocumentId: agreement.documents[0]?.id },
      });
    });

    it('keeps documents about other deals as agreements of their own', async () => {
      const files = [
        'news-us-australia.txt',
        'mou-us-malaysia.txt',
        'news-us-malaysia-thailand.txt',
      ];
      const outcomes = [];
      for (const file of files) outcomes.push(await ingest(file));
      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'accepted',
        'accepted',
        'accepted',
      ]);
      expect(new Set(outcomes.map((outcome) => outcome.id)).size).toBe(3);
    });

    it('keeps one model text signed with other states as agreements of their own', async () => {
      const signedWith = (state: string) => (text: string) => text.replaceAll('Japan', state);
      const chile = await ingest('framework-us-japan.txt', signedWith('Chile'));
      const peru = await ingest('framework-us-japan.txt', signedWith('Peru'));
      expect([chile.status, peru.status]).toEqual(['accepted', 'accepted']);
      expect(peru.id).not.toBe(chile.id);
    });

    it('keeps one model contract signed with other companies as agreements of their own', async () => {
      const signedWith = (buyer: string) => (text: string) =>
        text.replaceAll('Coldwater Magnet Works', buyer);
      const ironbridge = await ingest('contract-supply-neodymium.txt', signedWith('Ironbridge'));
      const larch = await ingest('contract-supply-neodymium.txt', signedWith('Larch Valley'));
      expect([ironbridge.status, larch.status]).toEqual(['accepted', 'accepted']);
      expect(larch.id).not.toBe(ironbridge.id);
    });
  },
);
