import { loadEnv } from '@dealwatch/config';
import { Topics } from '@dealwatch/contracts';
import type { MilestoneStatus } from '@dealwatch/contracts';
import { ManualClock } from '@dealwatch/platform';
import { startInProcess } from '@dealwatch/platform/testing';
import {
  EventPublisher,
  TEST_ADMIN_API_KEY,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  expectEventually,
  requiredEnv,
  testAuthEnv,
} from '@dealwatch/testing';

import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { Client } from 'pg';

import { AppModule } from '../app.module';
import { ConsoleEnv } from '../console.env';

const namespace = createTestNamespace('console');
const brokers = requiredEnv('KAFKA_BROKERS').split(',');
const text = 'The parties will hold a ministerial meeting within 180 days of signing.';

/** Opens the SSE stream and collects event names until closed. */
function listen(url: string): { received: string[]; close: () => void } {
  const received: string[] = [];
  const headers = { accept: 'text/event-stream', authorization: `Bearer ${TEST_ADMIN_API_KEY}` };
  const req = request(url, { headers }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/^event: (\w+)$/gm)) received.push(match[1]!);
    });
  });
  req.end();
  return { received, close: () => req.destroy() };
}

describe('console read model from the public topics', () => {
  let app: INestApplication;
  let base: string;
  let publisher: EventPublisher;

  beforeAll(async () => {
    const env = loadEnv(ConsoleEnv, {
      ...process.env,
      ...testAuthEnv(namespace),
      LOG_LEVEL: 'warn',
      DATABASE_SCHEMA: `${namespace.schemaPrefix}console`,
      KAFKA_TOPIC_PREFIX: namespace.topicPrefix,
      // Nothing listens there: the console must say so, not hang or answer for alerting.
      ALERTING_URL: 'http://127.0.0.1:9',
    });
    ({ app, base } = await startInProcess(
      AppModule.register(env, { clock: new ManualClock(new Date('2026-01-01T00:00:00Z')) }),
    ));
    publisher = await new EventPublisher(brokers, namespace.topicPrefix).start();
  });

  afterAll(async () => {
    await publisher.stop();
    await app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  /** A projection's writes commit in the same transaction as the consumer's inbox row. */
  async function handled(eventId: string): Promise<boolean> {
    const database = new Client({ connectionString: requiredEnv('DATABASE_URL') });
    await database.connect();
    try {
      const { rowCount } = await database.query(
        `SELECT 1 FROM "${namespace.schemaPrefix}console".processed_events WHERE event_id = $1`,
        [eventId],
      );
      return rowCount === 1;
    } finally {
      await database.end();
    }
  }

  it('shows an agreement, its highlighted obligations, its milestone on the timeline and its alert, live', async () => {
    const stream = listen(`${base}/api/events`);
    try {
      const agreementId = randomUUID();
      const milestoneId = randomUUID();
      const reminderId = randomUUID();
      const key = { key: agreementId };

      // Extraction first: the projections must not depend on the order of topics.
      await publisher.publish(
        Topics.ClausesExtractedV1,
        {
          agreementId,
          extractionId: randomUUID(),
          extractorVersion: 'test',
          extractedAt: '2025-10-28T10:00:00Z',
          title: 'A framework',
          publishedAt: '2025-10-28',
          signedAt: '2025-10-28',
          effectiveAt: null,
          parties: ['United States', 'Japan'],
          obligations: [
            {
              obligationKey: 'k1',
              text,
              span: [0, text.length],
              actors: [],
              action: 'hold a ministerial meeting',
              category: 'meeting',
              binding: false,
              confidence: 0.9,
              deadline: {
                expression: 'within 180 days',
                kind: 'within',
                dueDate: '2026-04-26',
                anchor: { type: 'signing' },
              },
            },
          ],
        },
        key,
      );
      await publisher.publish(
        Topics.AgreementIngestedV1,
        {
          agreementId,
          title: 'A framework',
          text,
          contentSha256: 'd'.repeat(64),
          sourceUrl: null,
          publishedAt: '2025-10-28',
          signedAt: null,
          ingestedAt: '2025-10-28T10:00:00Z',
        },
        key,
      );
      await publisher.publish(
        Topics.MilestoneScheduledV1,
        {
          milestoneId,
          agreementId,
          obligationKey: 'k1',
          title: 'hold a ministerial meeting',
          category: 'meeting',
          dueDate: '2026-04-26',
          overdueAt: '2026-04-27T00:00:00Z',
          evidence: text,
          reminders: [],
        },
        key,
      );
      await publisher.publish(
        Topics.MilestoneReminderV1,
        {
          reminderId,
          milestoneId,
          agreementId,
          title: 'hold a ministerial meeting',
          category: 'meeting',
          offset: 'overdue',
          dueDate: '2026-04-26',
          scheduledFor: '2026-04-27T00:00:00Z',
          firedAt: '2026-04-27T00:00:01Z',
          late: false,
          agreementTitle: 'A framework',
          evidence: { text, span: null },
        },
        key,
      );

      const timeline = await expectEventually(async () => {
        const body = (await (await apiFetch(`${base}/api/timeline`)).json()) as {
          items: { id: string; status: string; dueDate: string }[];
        };
        const found = body.items.find((item) => item.id === milestoneId);
        expect(found?.status).toBe('overdue');
        return found!;
      });
      expect(timeline.dueDate).toBe('2026-04-26');

      const { agreement } = (await (
        await apiFetch(`${base}/api/agreements/${agreementId}`)
      ).json()) as {
        agreement: { text: string; parties: string[]; obligations: { span: [number, number] }[] };
      };
      expect(agreement.text).toBe(text);
      expect(agreement.parties).toEqual(['United States', 'Japan']);
      expect(agreement.obligations[0]!.span).toEqual([0, text.length]);

      await publisher.publish(
        Topics.AlertDeliveredV1,
        {
          alertId: randomUUID(),
          reminderId,
          milestoneId,
          agreementId,
          receiver: 'ops-webhook',
          attempts: 1,
          deliveredAt: '2026-04-27T00:00:02Z',
        },
        key,
      );
      await expectEventually(async () => {
        const { items } = (await (await apiFetch(`${base}/api/alerts`)).json()) as {
          items: { reminderId: string; receivers: string[] }[];
        };
        expect(items.find((item) => item.reminderId === reminderId)?.receivers).toEqual([
          'ops-webhook',
        ]);
      });

      await expectEventually(() =>
        expect(new Set(stream.received)).toEqual(new Set(['agreement', 'milestone', 'alert'])),
      );
    } finally {
      stream.close();
    }
  });

  it('shows a milestone as overdue even when its overdue reminder was projected before the milestone', async () => {
    const agreementId = randomUUID();
    const milestoneId = randomUUID();
    const reminderId = randomUUID();
    await publisher.publish(
      Topics.MilestoneReminderV1,
      {
        reminderId,
        milestoneId,
        agreementId,
        title: 'report',
        category: 'reporting',
        offset: 'overdue',
        dueDate: '2026-05-01',
        scheduledFor: '2026-05-02T00:00:00Z',
        firedAt: '2026-05-02T00:00:01Z',
        late: false,
        agreementTitle: null,
        evidence: { text, span: null },
      },
      { key: agreementId },
    );
    await expectEventually(async () => {
      const { items } = (await (await apiFetch(`${base}/api/alerts`)).json()) as {
        items: { reminderId: string }[];
      };
      expect(items.some((item) => item.reminderId === reminderId)).toBe(true);
    });
    await publisher.publish(
      Topics.MilestoneScheduledV1,
      {
        milestoneId,
        agreementId,
        obligationKey: 'k2',
        title: 'report',
        category: 'reporting',
        dueDate: '2026-05-01',
        overdueAt: '2026-05-02T00:00:00Z',
        evidence: text,
        reminders: [],
      },
      { key: agreementId },
    );
    await expectEventually(async () => {
      const body = (await (await apiFetch(`${base}/api/timeline`)).json()) as {
        items: { id: string; status: string }[];
      };
      expect(body.items.find((item) => item.id === milestoneId)?.status).toBe('overdue');
    });
  });

  it('keeps a status change that arrives before the scheduling of its milestone', async () => {
    const agreementId = randomUUID();
    const milestoneId = randomUUID();
    await publisher.publish(
      Topics.AgreementIngestedV1,
      {
        agreementId,
        title: 'An annexed framework',
        text,
        contentSha256: 'e'.repeat(64),
        sourceUrl: null,
        publishedAt: '2026-01-02',
        signedAt: null,
        ingestedAt: '2026-01-02T10:00:00Z',
      },
      { key: agreementId },
    );
    const changeId = await publisher.publish(
      Topics.MilestoneStatusChangedV1,
      {
        milestoneId,
        agreementId,
        previousStatus: 'pending',
        status: 'waived',
        dueDate: '2026-07-01',
        previousDueDate: '2026-06-01',
        // Later than the scheduling event's own time, so it is the newer fact.
        changedAt: new Date(Date.now() + 60_000).toISOString(),
        actor: 'ben',
        reason: 'superseded by the annex',
      },
      { key: agreementId },
    );
    await expectEventually(async () => expect(await handled(changeId)).toBe(true));
    await publisher.publish(
      Topics.MilestoneScheduledV1,
      {
        milestoneId,
        agreementId,
        obligationKey: 'k3',
        title: 'report',
        category: 'reporting',
        dueDate: '2026-06-01',
        overdueAt: '2026-06-02T00:00:00Z',
        evidence: text,
        reminders: [],
      },
      { key: agreementId },
    );
    await expectEventually(async () => {
      const response = await apiFetch(`${base}/api/agreements/${agreementId}`);
      const { milestones } = (await response.json()) as {
        milestones: { id: string; status: string; dueDate: string }[];
      };
      expect(milestones).toEqual([
        expect.objectContaining({ id: milestoneId, status: 'waived', dueDate: '2026-07-01' }),
      ]);
    });
  });

  it('applies runs of events that reach it together, two changes of one row in their order, and deliveries that come before their reminder', async () => {
    const agreementId = randomUUID();
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    const reminderId = randomUUID();
    const key = agreementId;
    const scheduled = (milestoneId: string, obligationKey: string) => ({
      payload: {
        milestoneId,
        agreementId,
        obligationKey,
        title: `deliver ${obligationKey}`,
        category: 'delivery',
        dueDate: '2026-06-01',
        overdueAt: '2026-06-02T00:00:00Z',
        evidence: text,
        reminders: [],
      },
      key,
    });
    await publisher.publish(
      Topics.AgreementIngestedV1,
      {
        agreementId,
        title: 'A supply agreement',
        text,
        contentSha256: 'f'.repeat(64),
        sourceUrl: null,
        publishedAt: '2026-01-02',
        signedAt: null,
        ingestedAt: '2026-01-02T10:00:00Z',
      },
      { key },
    );
    const scheduledIds = await publisher.publishAll(Topics.MilestoneScheduledV1, [
      scheduled(first, 'k1'),
      scheduled(second, 'k2'),
      scheduled(third, 'k3'),
    ]);
    await expectEventually(async () => expect(await handled(scheduledIds.at(-1)!)).toBe(true));

    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const change = (milestoneId: string, status: MilestoneStatus, minutes: number) => ({
      payload: {
        milestoneId,
        agreementId,
        previousStatus: 'pending' as const,
        status,
        dueDate: null,
        previousDueDate: '2026-06-01',
        changedAt: later(minutes),
        actor: 'ben',
        reason: null,
      },
      key,
    });
    await publisher.publishAll(Topics.MilestoneStatusChangedV1, [
      change(first, 'due', 1),
      change(second, 'waived', 1),
      change(first, 'overdue', 2),
      change(first, 'met', 3),
    ]);
    const delivered = (receiver: string) => ({
      payload: {
        alertId: reminderId,
        reminderId,
        milestoneId: third,
        agreementId,
        receiver,
        attempts: 1,
        deliveredAt: '2026-05-25T00:00:02Z',
      },
      key,
    });
    // Deliveries announced before their reminder is projected (another topic) wait for it.
    const early = await publisher.publishAll(Topics.AlertDeliveredV1, [
      delivered('ops-webhook'),
      delivered('ops-chat'),
      delivered('ops-webhook'),
    ]);
    await expectEventually(async () => expect(await handled(early.at(-1)!)).toBe(true));
    await publisher.publish(
      Topics.MilestoneReminderV1,
      {
        reminderId,
        milestoneId: third,
        agreementId,
        title: 'deliver k3',
        category: 'delivery',
        offset: 'P7D',
        dueDate: '2026-06-01',
        scheduledFor: '2026-05-25T00:00:00Z',
        firedAt: '2026-05-25T00:00:01Z',
        late: false,
        agreementTitle: null,
        evidence: { text, span: null },
      },
      { key },
    );

    await expectEventually(async () => {
      const { milestones } = (await (
        await apiFetch(`${base}/api/agreements/${agreementId}`)
      ).json()) as { milestones: { id: string; status: string }[] };
      const statusOf = new Map(milestones.map((milestone) => [milestone.id, milestone.status]));
      expect(Object.fromEntries(statusOf)).toEqual({
        [first]: 'met',
        [second]: 'waived',
        [third]: 'pending',
      });
    });
    const receiversOf = async () => {
      const { items } = (await (await apiFetch(`${base}/api/alerts`)).json()) as {
        items: { reminderId: string; receivers: string[] }[];
      };
      return items.find((item) => item.reminderId === reminderId)?.receivers;
    };
    await expectEventually(async () =>
      expect(await receiversOf()).toEqual(['ops-webhook', 'ops-chat']),
    );

    // Once it is projected, deliveries that come together are listed in their order.
    await publisher.publishAll(Topics.AlertDeliveredV1, [
      delivered('ops-email'),
      delivered('ops-chat'),
      delivered('ops-pager'),
    ]);
    await expectEventually(async () =>
      expect(await receiversOf()).toEqual(['ops-webhook', 'ops-chat', 'ops-email', 'ops-pager']),
    );
  });

  it('shows who acknowledged an alert and when it was resolved, whatever order the topics arrive in', async () => {
    const agreementId = randomUUID();
    const milestoneId = randomUUID();
    const reminderId = randomUUID();
    const alertId = randomUUID();
    const key = { key: agreementId };
    const ids = { alertId, reminderId, milestoneId, agreementId };
    // Alerting's announcements before the reminder they are about.
    await publisher.publish(
      Topics.AlertAcknowledgedV1,
      {
        ...ids,
        acknowledgedBy: 'ben',
        comment: 'on it',
        via: 'api',
        acknowledgedAt: '2026-05-02T08:00:00Z',
      },
      key,
    );
    await publisher.publish(
      Topics.AlertEscalatedV1,
      {
        ...ids,
        level: 1,
        receivers: ['pager'],
        firingSince: '2026-05-02T00:00:01Z',
        escalatedAt: '2026-05-02T07:00:00Z',
      },
      key,
    );
    await publisher.publish(
      Topics.MilestoneReminderV1,
      {
        reminderId,
        milestoneId,
        agreementId,
        title: 'report',
        category: 'reporting',
        offset: 'overdue',
        dueDate: '2026-05-01',
        scheduledFor: '2026-05-02T00:00:00Z',
        firedAt: '2026-05-02T00:00:01Z',
        late: false,
        agreementTitle: null,
        evidence: { text, span: null },
      },
      key,
    );
    const alertOf = async () => {
      const { items } = (await (await apiFetch(`${base}/api/alerts`)).json()) as {
        items: Record<string, unknown>[];
      };
      return items.find((item) => item['reminderId'] === reminderId);
    };
    await expectEventually(async () =>
      expect(await alertOf()).toMatchObject({
        alertId,
        state: 'acknowledged',
        acknowledgedBy: 'ben',
        ackComment: 'on it',
        escalationLevel: 1,
      }),
    );

    await publisher.publish(
      Topics.AlertResolvedV1,
      {
        ...ids,
        milestoneStatus: 'met',
        actor: 'ana',
        reason: null,
        resolvedAt: '2026-05-03T10:00:00Z',
      },
      key,
    );
    await expectEventually(async () =>
      expect(await alertOf()).toMatchObject({ state: 'resolved', resolvedBy: 'ana' }),
    );
  });

  it('checks an acknowledgement or a silence before sending it to alerting, naming the field', async () => {
    const send = async (path: string, body: object) => {
      const response = await apiFetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, message: JSON.stringify(await response.json()) };
    };
    const ack = await send(`/api/alerts/${randomUUID()}/ack`, { by: '' });
    expect(ack).toEqual({ status: 400, message: expect.stringContaining('by') });
    expect((await send('/api/alerts/nope/ack', { by: 'ben' })).status).toBe(400);
    const silence = await send('/api/silences', {
      milestoneId: randomUUID(),
      endsAt: 'tomorrow',
      by: 'ben',
      comment: 'the meeting moved',
    });
    expect(silence).toEqual({ status: 400, message: expect.stringContaining('endsAt') });
    const noComment = await send('/api/silences', {
      milestoneId: randomUUID(),
      endsAt: '2026-06-01T00:00:00Z',
      by: 'ben',
    });
    expect(noComment).toEqual({ status: 400, message: expect.stringContaining('comment') });
  });

  it('answers 502 naming alerting when alerting does not answer', async () => {
    const ack = await apiFetch(`${base}/api/alerts/${randomUUID()}/ack`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'ben' }),
    });
    expect(ack.status).toBe(502);
    expect(((await ack.json()) as { detail: string }).detail).toMatch(/^alerting did not answer/);
    expect((await apiFetch(`${base}/api/silences`)).status).toBe(502);
  });

  it('serves the page, every module it imports, and the chart library', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<main id="view"');
    const chart = await fetch(`${base}/assets/chart.js`);
    expect(chart.headers.get('content-type')).toMatch(/javascript/);
    // The modules app.js imports, and what they import in turn, as the browser would ask for them.
    const pending = ['app.js'];
    const served = new Set<string>();
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (served.has(name)) continue;
      const module = await fetch(`${base}/assets/${name}`);
      expect({ name, status: module.status }).toEqual({ name, status: 200 });
      expect(module.headers.get('content-type')).toMatch(/^text\/javascript/);
      served.add(name);
      for (const [, imported] of (await module.text()).matchAll(/from '\.\/([\w-]+\.js)'/g))
        pending.push(imported!);
    }
    expect(served.size).toBeGreaterThan(5);
    expect((await fetch(`${base}/assets/../../package.json`)).status).toBe(404);
    expect((await fetch(`${base}/assets/index.html`)).status).toBe(404);
  });

  it('documents its HTTP API as OpenAPI, with a browsable page', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as {
      info: { title: string };
      paths: Record<string, unknown>;
    };
    expect(document.info.title).toBe('DealWatch console API');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/timeline', '/api/agreements/{id}', '/health']),
    );
    expect((await fetch(`${base}/docs`)).status).toBe(200);
  });

  it('answers 404 for an agreement it has not seen and 400 for a malformed id or window', async () => {
    expect((await apiFetch(`${base}/api/agreements/${randomUUID()}`)).status).toBe(404);
    expect((await apiFetch(`${base}/api/agreements/nope`)).status).toBe(400);
    expect((await apiFetch(`${base}/api/timeline?months=0`)).status).toBe(400);
  });
});
