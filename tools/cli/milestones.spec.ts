import { createCalendarLink, fetchCalendar } from './calendar';
import { fetchMilestones, milestonesQuery, milestonesTable } from './milestones';
import type { MilestoneRow } from './milestones';
import { stubServer } from './stub-server';

const AGREEMENT = '6e9ec511-33c6-4a08-b9e7-8347780d70a9';
const MEETING = '3f488667-dc62-4369-b794-34700c2ca7df';
const FINANCING = '8cdabb99-1481-483b-9760-b82a5e875673';
const TRACKED = 'c0a80101-0000-4000-8000-000000000003';

function milestone(id: string, title: string, status: string, dueDate: string | null) {
  // Shaped like the scheduler's milestone view; the listing ignores the fields it does not show.
  return {
    id,
    agreementId: AGREEMENT,
    title,
    category: 'other',
    owner: null,
    status,
    dueDate,
    reminders: [],
  };
}

describe('milestonesQuery', () => {
  it('uses the scheduler parameter names, statuses comma separated, the largest page', () => {
    expect(
      milestonesQuery(
        {
          agreementId: AGREEMENT,
          statuses: ['due', 'overdue'],
          dueBefore: '2026-05-01',
          party: 'United States',
        },
        'abc',
      ),
    ).toBe(
      `agreementId=${AGREEMENT}&status=due%2Coverdue&party=United+States&dueBefore=2026-05-01&limit=500&cursor=abc`,
    );
  });
});

describe('fetchMilestones', () => {
  it('follows nextCursor until a page has none', async () => {
    const stub = await stubServer((request) => {
      const cursor = new URL(request.url, 'http://stub').searchParams.get('cursor');
      return cursor === null
        ? {
            status: 200,
            body: JSON.stringify({
              items: [milestone(MEETING, 'ministerial meeting', 'overdue', '2026-04-26')],
              nextCursor: 'page-2',
            }),
          }
        : {
            status: 200,
            body: JSON.stringify({
              items: [milestone(FINANCING, 'provide financing', 'overdue', '2026-04-28')],
              nextCursor: null,
            }),
          };
    });
    try {
      const rows = await fetchMilestones(stub.url, { statuses: ['overdue'] });
      expect(rows.map((row) => row.id)).toEqual([MEETING, FINANCING]);
    } finally {
      await stub.close();
    }
    expect(stub.seen.map((request) => request.url)).toEqual([
      '/v1/milestones?status=overdue&limit=500',
      '/v1/milestones?status=overdue&limit=500&cursor=page-2',
    ]);
  });

  it('passes the scheduler’s reason for a bad query on as the error', async () => {
    const stub = await stubServer(() => ({
      status: 400,
      body: JSON.stringify({ statusCode: 400, message: ['agreementId must be a UUID'] }),
    }));
    try {
      await expect(fetchMilestones(stub.url, { agreementId: 'x' })).rejects.toThrow(
        'milestone-scheduler: HTTP 400: agreementId must be a UUID',
      );
    } finally {
      await stub.close();
    }
  });
});

describe('milestonesTable', () => {
  it('aligns a header and one row per milestone, undated ones showing -', () => {
    const rows: MilestoneRow[] = [
      {
        id: MEETING,
        agreementId: AGREEMENT,
        title: 'ministerial meeting',
        category: 'meeting',
        status: 'overdue',
        dueDate: '2026-04-26',
        owner: 'ops',
      },
      {
        id: TRACKED,
        agreementId: AGREEMENT,
        title: 'jointly select projects',
        category: 'other',
        status: 'tracked',
        dueDate: null,
        owner: null,
      },
    ];
    expect(milestonesTable(rows)).toEqual([
      'DUE         STATUS   CATEGORY  OWNER  TITLE                    MILESTONE                             AGREEMENT',
      `2026-04-26  overdue  meeting   ops    ministerial meeting      ${MEETING}  ${AGREEMENT}`,
      `-           tracked  other     -      jointly select projects  ${TRACKED}  ${AGREEMENT}`,
    ]);
  });
});

describe('fetchCalendar', () => {
  const ics =
    'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

  it('fetches the feed with the filters it knows and counts its events', async () => {
    const stub = await stubServer(() => ({ status: 200, body: ics, contentType: 'text/calendar' }));
    try {
      expect(await fetchCalendar(stub.url, { agreementId: AGREEMENT })).toEqual({ ics, events: 2 });
      expect(await fetchCalendar(stub.url, {})).toEqual({ ics, events: 2 });
    } finally {
      await stub.close();
    }
    expect(stub.seen.map((request) => request.url)).toEqual([
      `/v1/calendar.ics?agreementId=${AGREEMENT}`,
      '/v1/calendar.ics',
    ]);
  });

  it('refuses an answer that is not a calendar', async () => {
    const stub = await stubServer(() => ({
      status: 200,
      body: '<html>login</html>',
      contentType: 'text/html',
    }));
    try {
      await expect(fetchCalendar(stub.url, {})).rejects.toThrow(
        'milestone-scheduler: /v1/calendar.ics did not answer with a calendar',
      );
    } finally {
      await stub.close();
    }
  });
});

describe('createCalendarLink', () => {
  const link = {
    url: 'http://s/v1/calendar.ics?exp=1&owner=ana&sig=x',
    expiresAt: '2027-01-01T00:00:00.000Z',
  };

  it('asks the scheduler for a link of the filters the feed knows, with the validity if given', async () => {
    const stub = await stubServer(() => ({ status: 201, body: JSON.stringify(link) }));
    try {
      expect(
        await createCalendarLink(stub.url, { owner: 'ana', statuses: ['due'] }, 'P6M'),
      ).toEqual(link);
      expect(await createCalendarLink(stub.url, { agreementId: AGREEMENT }, null)).toEqual(link);
    } finally {
      await stub.close();
    }
    expect(stub.seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /v1/calendar-links',
      'POST /v1/calendar-links',
    ]);
    expect(stub.seen.map(({ body }) => JSON.parse(body.toString()) as unknown)).toEqual([
      { owner: 'ana', validFor: 'P6M' },
      { agreementId: AGREEMENT },
    ]);
  });

  it('says why the scheduler refused', async () => {
    const stub = await stubServer(() => ({
      status: 400,
      body: JSON.stringify({ status: 400, detail: 'validFor must be at most P2Y' }),
      contentType: 'application/problem+json',
    }));
    try {
      await expect(createCalendarLink(stub.url, {}, 'P3Y')).rejects.toThrow(
        /^milestone-scheduler: HTTP 400: /,
      );
    } finally {
      await stub.close();
    }
  });
});
