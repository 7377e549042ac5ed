import { ManualClock } from '@dealwatch/platform';
import {
  TestApiKeys,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import { startScheduler } from '../testing/scheduler-harness';
import type { MilestoneView, RunningScheduler } from '../testing/scheduler-harness';

const namespace = createTestNamespace('calendar-links');
const DAY_MS = 86_400_000;

describe('calendar subscription links: the feed without credentials, for its filters only', () => {
  const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
  const agreementId = randomUUID();
  const ids: Record<string, string> = {};
  let scheduler: RunningScheduler;
  let viewerKey: string;

  beforeAll(async () => {
    scheduler = await startScheduler(namespace, clock);
    const keys = await TestApiKeys.open(requiredEnv('DATABASE_URL'), namespace);
    viewerKey = (await keys.create('viewer', { name: 'calendar-reader' })).key;
    await keys.close();
    const create = async (title: string, owner: string) => {
      const { status, body } = await scheduler.api.request<MilestoneView>(
        'POST',
        '/v1/milestones',
        { agreementId, title, owner, dueDate: '2026-05-10' },
      );
      expect(status).toBe(201);
      ids[title] = body.id;
    };
    await create('board-approval', 'ana');
    await create('annual-report', 'ana');
    await create('site-visit', 'ben');
  });

  afterAll(async () => {
    await scheduler.app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  /** A link a viewer creates, as the API answers it. */
  const createLink = async (body: Record<string, unknown>) => {
    const response = await apiFetch(
      `${scheduler.api.base}/v1/calendar-links`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      viewerKey,
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** What a calendar app gets: no Authorization header at all. */
  const subscribe = (url: string) => fetch(url);

  const linkFor = async (body: Record<string, unknown>) => {
    const { status, body: link } = await createLink(body);
    expect(status).toBe(201);
    return link as { url: string; expiresAt: string };
  };

  it('lets a viewer create a link that fetches only the filtered milestones without credentials', async () => {
    const link = await linkFor({ agreementId, owner: 'ana', validFor: 'P30D' });
    expect(link.url.startsWith(`${scheduler.api.base}/v1/calendar.ics?`)).toBe(true);
    expect(link.expiresAt).toBe(new Date(clock.now().getTime() + 30 * DAY_MS).toISOString());

    const response = await subscribe(link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text).toContain(`UID:${ids['board-approval']}@dealwatch`);
    expect(text).toContain(`UID:${ids['annual-report']}@dealwatch`);
    expect(text).not.toContain(`UID:${ids['site-visit']}@dealwatch`);
  });

  it('refuses a link whose filter or expiry was changed, saying why', async () => {
    const { url } = await linkFor({ agreementId, owner: 'ana' });
    const changed = (name: string, value: string) => {
      const tampered = new URL(url);
      tampered.searchParams.set(name, value);
      return tampered.toString();
    };
    for (const tampered of [changed('owner', 'ben'), changed('exp', '4102444800')]) {
      const response = await subscribe(tampered);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({
        detail: expect.stringMatching(/signature does not match/),
      });
    }
    const dropped = new URL(url);
    dropped.searchParams.delete('owner');
    expect((await subscribe(dropped.toString())).status).toBe(401);
  });

  it('still refuses the feed without credentials or a signature', async () => {
    const response = await subscribe(
      `${scheduler.api.base}/v1/calendar.ics?agreementId=${agreementId}`,
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      detail: expect.stringMatching(/needs credentials/),
    });
  });

  it('still serves the feed to a bearer credential', async () => {
    const response = await apiFetch(
      `${scheduler.api.base}/v1/calendar.ics?agreementId=${agreementId}`,
      {},
      viewerKey,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`UID:${ids['site-visit']}@dealwatch`);
  });

  it('refuses a validity over two years', async () => {
    const { status, body } = await createLink({ agreementId, validFor: 'P3Y' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ errors: [expect.objectContaining({ field: 'validFor' })] });
  });

  // Last: it moves the clock past the links' expiry.
  it('refuses a link once it has expired', async () => {
    const { url, expiresAt } = await linkFor({ owner: 'ben', validFor: 'P1D' });
    expect((await subscribe(url)).status).toBe(200);
    clock.set(new Date(expiresAt));
    const response = await subscribe(url);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      detail: `the calendar link expired at ${expiresAt}; create a new one with POST /v1/calendar-links`,
    });
  });
});
