import { ManualClock } from '@dealwatch/platform';
import { createTestNamespace, expectEventually } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import { SchedulerTestBed, obligation } from '../testing/scheduler-harness';
import type { MilestoneView } from '../testing/scheduler-harness';

const namespace = createTestNamespace('reextract');
const WITHDRAWN = "no longer in the agreement's latest extraction";
const RESTORED = "back in the agreement's latest extraction";

describe('re-extraction: obligations that leave the agreement and come back', () => {
  const clock = new ManualClock(new Date('2026-04-20T00:00:00Z'));
  const agreementId = randomUUID();
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.start(namespace, clock);
  });

  afterAll(() => bed.stop());

  const byTitle = async () =>
    Object.fromEntries(
      (await bed.api.milestonesOf(agreementId)).map((m) => [
        m.title.replace(/^act on the /, ''),
        m,
      ]),
    ) as Record<string, MilestoneView>;
  const statusesOf = async () =>
    Object.fromEntries(Object.entries(await byTitle()).map(([title, m]) => [title, m.status]));
  const lastChange = async (id: string) => (await bed.api.milestone(id)).history?.at(-1);

  it('cancels what a newer extraction dropped, reopens what comes back, and leaves a person alone', async () => {
    const all = [
      obligation('meeting', '2026-05-28'),
      obligation('filing', '2026-05-15'),
      obligation('report', null),
      obligation('audit', '2026-06-30'),
    ];
    await bed.extract(agreementId, all);
    const first = await expectEventually(async () => {
      const found = await byTitle();
      expect(Object.keys(found)).toHaveLength(4);
      return found;
    });
    const ids = Object.fromEntries(Object.entries(first).map(([title, m]) => [title, m.id]));
    const audit = await bed.api.request('POST', `/v1/milestones/${ids['audit']}/cancel`, {
      by: 'ana',
      reason: 'the audit was dropped in negotiation',
    });
    expect(audit.status).toBe(200);

    await bed.extract(agreementId, [obligation('meeting', '2026-05-28')]);
    await expectEventually(async () =>
      expect(await statusesOf()).toEqual({
        meeting: 'pending',
        filing: 'cancelled',
        report: 'cancelled',
        audit: 'cancelled',
      }),
    );
    for (const title of ['filing', 'report'])
      expect(await lastChange(ids[title]!)).toMatchObject({
        actor: 'extraction',
        reason: WITHDRAWN,
        toStatus: 'cancelled',
        eventId: expect.any(String),
      });
    expect(await lastChange(ids['audit']!)).toMatchObject({ actor: 'ana' });
    const filing = (await byTitle())['filing']!;
    expect(filing.reminders.filter((r) => r.status === 'pending')).toEqual([]);
    await expectEventually(() =>
      expect(
        bed
          .statusEvents(agreementId)
          .filter((e) => e.actor === 'extraction' && e.reason === WITHDRAWN),
      ).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            milestoneId: ids['filing'],
            previousStatus: 'pending',
            status: 'cancelled',
          }),
          expect.objectContaining({
            milestoneId: ids['report'],
            previousStatus: 'tracked',
            status: 'cancelled',
          }),
        ]),
      ),
    );

    // All four again; the filing's date moved in the text. The audit stays cancelled by ana.
    await bed.extract(agreementId, [
      obligation('meeting', '2026-05-28'),
      obligation('filing', '2026-05-20'),
      obligation('report', null),
      obligation('audit', '2026-06-30'),
    ]);
    await expectEventually(async () =>
      expect(await statusesOf()).toEqual({
        meeting: 'pending',
        filing: 'pending',
        report: 'tracked',
        audit: 'cancelled',
      }),
    );
    const back = await byTitle();
    expect(
      Object.values(back)
        .map((m) => m.id)
        .sort(),
    ).toEqual(Object.values(ids).sort());
    expect(back['filing']).toMatchObject({ dueDate: '2026-05-20' });
    // 09:00 UTC on 20 May: P30D (20 April 09:00) is still ahead of the clock (20 April 00:00).
    expect(back['filing']!.reminders.map((r) => [r.offset, r.status])).toEqual([
      ['P30D', 'pending'],
      ['P7D', 'pending'],
      ['P1D', 'pending'],
      ['PT0S', 'pending'],
      ['overdue', 'pending'],
    ]);
    for (const title of ['filing', 'report'])
      expect(await lastChange(ids[title]!)).toMatchObject({
        actor: 'extraction',
        reason: RESTORED,
        fromStatus: 'cancelled',
      });
    expect(await lastChange(ids['audit']!)).toMatchObject({ actor: 'ana' });
  });
});
