import { ManualClock } from '@dealwatch/platform';
import { apiFetch, createTestNamespace, expectEventually } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import { SchedulerTestBed, obligation } from '../testing/scheduler-harness';
import type { MilestoneView } from '../testing/scheduler-harness';

const namespace = createTestNamespace('queries');

interface Page {
  items: MilestoneView[];
  nextCursor: string | null;
}

describe('GET /v1/milestones filters and pages; GET /v1/calendar.ics', () => {
  const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
  const agreementId = randomUUID();
  const otherAgreement = randomUUID();
  let bed: SchedulerTestBed;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    bed = await SchedulerTestBed.start(namespace, clock);
    const create = async (key: string, body: Record<string, unknown>) => {
      const { status, body: created } = await bed.api.request<MilestoneView>(
        'POST',
        '/v1/milestones',
        { agreementId, title: key, ...body },
      );
      expect(status).toBe(201);
      ids[key] = created.id;
    };
    await create('may-board', { dueDate: '2026-05-10', owner: 'ana', category: 'financing' });
    await create('april-call', {
      dueAt: '2026-04-02T15:00:00Z',
      owner: 'ben',
      category: 'meeting',
    });
    // 09:00 in Tokyo on 2 April is midnight UTC: before the call, though the call's date is the same.
    await create('april-tokyo', { dueDate: '2026-04-02', timeZone: 'Asia/Tokyo', owner: 'ana' });
    await create('june-report', { dueDate: '2026-06-30', owner: 'ben', category: 'meeting' });
    await create('march-review', { dueDate: '2026-03-20', owner: 'ana', category: 'meeting' });
    await create('elsewhere', { agreementId: otherAgreement, dueDate: '2026-04-15' });
    await bed.api.request('POST', `/v1/milestones/${ids['june-report']}/complete`, {
      by: 'ben',
      reason: 'filed early',
    });
    await bed.extract(agreementId, [obligation('mapping', null)]);
    await expectEventually(async () =>
      expect(await bed.api.milestonesOf(agreementId)).toHaveLength(6),
    );
  });

  afterAll(() => bed.stop());

  const list = async (query: string) => {
    const response = await bed.api.request<Page>('GET', `/v1/milestones?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const titles = (page: Page) => page.items.map((m) => m.title);

  it('sorts by due time, tracked commitments last', async () => {
    expect(titles(await list(`agreementId=${agreementId}`))).toEqual([
      'march-review',
      'april-tokyo',
      'april-call',
      'may-board',
      'june-report',
      'act on the mapping',
    ]);
  });

  it('filters by status, owner, category and due date, exclusive at both ends', async () => {
    const base = `agreementId=${agreementId}`;
    expect(titles(await list(`${base}&status=met,tracked`))).toEqual([
      'june-report',
      'act on the mapping',
    ]);
    expect(titles(await list(`${base}&owner=ana`))).toEqual([
      'march-review',
      'april-tokyo',
      'may-board',
    ]);
    expect(titles(await list(`${base}&category=meeting&status=pending`))).toEqual([
      'march-review',
      'april-call',
    ]);
    expect(titles(await list(`${base}&dueAfter=2026-03-20&dueBefore=2026-06-30`))).toEqual([
      'april-tokyo',
      'april-call',
      'may-board',
    ]);
    expect(titles(await list(`dueAfter=2026-04-01&dueBefore=2026-04-30`))).toEqual([
      'april-tokyo',
      'april-call',
      'elsewhere',
    ]);
  });

  it('pages with an opaque cursor until nextCursor is null, seeing each milestone once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(
        `agreementId=${agreementId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...titles(page));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(titles(await list(`agreementId=${agreementId}`)));
  });

  it.each([
    ['a cursor it did not give out', 'cursor=abc'],
    ['a limit of 0', 'limit=0'],
    ['a limit above 500', 'limit=501'],
    ['an unknown status', 'status=pending,late'],
    ['a due date that is not a date', 'dueBefore=soon'],
  ])('answers 400 to %s', async (_, query) => {
    expect((await bed.api.request('GET', `/v1/milestones?${query}`)).status).toBe(400);
  });

  it('serves the open milestones as an RFC 5545 feed with an alarm per pending reminder', async () => {
    const response = await apiFetch(`${bed.api.base}/v1/calendar.ics?agreementId=${agreementId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = (await response.text()).replace(/\r\n[ \t]/g, '');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // Four open milestones; neither the met report nor the tracked mapping.
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(text).not.toContain('SUMMARY:june-report');
    expect(text).toContain(`UID:${ids['may-board']}@dealwatch`);
    expect(text).toContain('DTSTART;VALUE=DATE:20260510');
    expect(text).toContain('DTSTART:20260402T150000Z');
    const may = await bed.api.milestone(ids['may-board']!);
    const pending = may.reminders.filter((r) => r.status === 'pending');
    const mayEvent = text.slice(text.indexOf(`UID:${ids['may-board']}`));
    const alarms = mayEvent.slice(0, mayEvent.indexOf('END:VEVENT')).match(/BEGIN:VALARM/g);
    expect(alarms).toHaveLength(pending.length);
  });

  // Last: it adds a milestone to the agreement the other tests count.
  it("filters by party: the extraction's parties reach every milestone of the agreement", async () => {
    // The extraction names United States and Japan; milestones entered by hand before it take them
    // too, one entered after copies them, and the other agreement was never extracted.
    const later = await bed.api.request<MilestoneView>('POST', '/v1/milestones', {
      agreementId,
      title: 'later',
      dueDate: '2026-07-01',
    });
    expect(later.body.parties).toEqual(['United States', 'Japan']);
    expect(titles(await list('party=Japan'))).toEqual([
      'march-review',
      'april-tokyo',
      'april-call',
      'may-board',
      'june-report',
      'later',
      'act on the mapping',
    ]);
    expect(titles(await list('party=Japan&owner=ben&status=pending'))).toEqual(['april-call']);
    expect((await list('party=France')).items).toEqual([]);
    expect((await list('party=japan')).items).toEqual([]);
  });
});
