import { MAX_EVENT_VALUE_BYTES } from '@dealwatch/contracts';
import { apiFetch, createTestNamespace, dropTestSchemas, requiredEnv } from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';

import { startIngest } from '../testing/start-ingest';

const namespace = createTestNamespace('ingest-concurrent');
const AT_ONCE = 6;

/** Three unrelated stories, each long enough to be a near copy of itself under another headline. */
const stories = {
  fisheries:
    'Coastal cooperatives from four northern provinces agreed yesterday to share quotas for cod ' +
    'and haddock, pooling catch records in a registry that inspectors can audit at any landing ' +
    'site. The cooperatives will elect a board of seven members within ninety days and publish ' +
    'catch figures each quarter, while small boats keep priority access during the winter season.',
  rail:
    'A consortium of freight operators signed a ten-year lease for the eastern rail corridor on ' +
    'Friday, promising to double the number of container trains by electrifying the single track ' +
    'and building two passing loops. The lessor keeps the right to terminate if the first loop is ' +
    'not opened within eighteen months, and the operators must report delays to the regulator.',
  port:
    'The governments of Norvania and Esterland signed an agreement on port access in the capital ' +
    'on Monday. Both parties will establish a joint committee within sixty days, exchange data on ' +
    'shipments every quarter and review harbour dues before the end of the year; officials said ' +
    'private investors would be invited to take part in the dredging projects the committee selects.',
};

describe('ingest under concurrent uploads, on real PostgreSQL', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    ({ app, base } = await startIngest(namespace));
  });

  afterAll(async () => {
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  async function post(text: string) {
    const response = await apiFetch(`${base}/v1/agreements`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: text,
    });
    const answer = (await response.json()) as { id: string; status: string };
    return { http: response.status, id: answer.id, status: answer.status };
  }

  const documentsOf = async (id: string) =>
    ((await (await apiFetch(`${base}/v1/agreements/${id}`)).json()) as { documents: unknown[] })
      .documents;

  it('answers every copy of one new original sent at once with the one agreement it made', async () => {
    const text = stories.fisheries;
    const answers = await Promise.all(Array.from({ length: AT_ONCE }, () => post(text)));

    expect(answers.map((answer) => answer.http)).toEqual(Array(AT_ONCE).fill(202));
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      'accepted',
      ...Array<string>(AT_ONCE - 1).fill('duplicate'),
    ]);
    expect(await documentsOf(answers[0]!.id)).toHaveLength(1);
  });

  it('keeps one document when a new rendering of a stored text arrives several times at once', async () => {
    const text = stories.rail;
    const first = await post(text);
    // The same words with Windows line endings: another original, the same normalised text.
    const rendering = `${text}\r\n`;
    const answers = await Promise.all(Array.from({ length: AT_ONCE }, () => post(rendering)));

    expect(answers.map(({ http, id, status }) => ({ http, id, status }))).toEqual(
      Array(AT_ONCE).fill({ http: 202, id: first.id, status: 'duplicate' }),
    );
    expect(await documentsOf(first.id)).toHaveLength(2);
  });

  it('makes one agreement of several reports of a brand-new deal that arrive at once', async () => {
    // Each outlet puts its own headline on the same wire copy.
    const reports = Array.from(
      { length: AT_ONCE },
      (_, outlet) => `Port deal signed, outlet ${outlet + 1} reports\n\n${stories.port}`,
    );
    const answers = await Promise.all(reports.map((report) => post(report)));

    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(answers.map((answer) => answer.status).sort()).toEqual([
      'accepted',
      ...Array<string>(AT_ONCE - 1).fill('linked'),
    ]);
    expect(await documentsOf(answers[0]!.id)).toHaveLength(AT_ONCE);
  });

  it('stores every unrelated upload sent at once, and refuses alone the one it cannot announce', async () => {
    // Uploads arriving together share transactions; one that fails must not take the others down.
    const distinct = Array.from(
      { length: AT_ONCE },
      (_, index) =>
        `Memorandum ${index + 1} between the city of Lakeview and contractor number ${index + 1}: ` +
        `the contractor shall resurface ${index + 3} kilometres of road within ${index + 4} months.`,
    );
    const unannounceable = 'The Parties shall meet within 30 days. '.repeat(
      Math.ceil(MAX_EVENT_VALUE_BYTES / 39) + 1,
    );
    const posts = [...distinct, unannounceable].map(async (text) => {
      const response = await apiFetch(`${base}/v1/agreements`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: text,
      });
      return { http: response.status, body: (await response.json()) as Record<string, unknown> };
    });
    const answers = await Promise.all(posts);

    expect(answers.at(-1)).toMatchObject({ http: 413 });
    const stored = answers.slice(0, -1);
    expect(stored.map((answer) => [answer.http, answer.body['status']])).toEqual(
      Array(AT_ONCE).fill([202, 'accepted']),
    );
    for (const answer of stored) {
      expect(await documentsOf(answer.body['id'] as string)).toHaveLength(1);
    }
  });
});
