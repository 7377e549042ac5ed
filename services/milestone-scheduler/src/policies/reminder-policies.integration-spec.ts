import { loadEnv } from '@dealwatch/config';
import { Topics } from '@dealwatch/contracts';
import { ManualClock } from '@dealwatch/platform';
import { createTestNamespace, expectEventually } from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SchedulerEnv } from '../scheduler.env';
import { SchedulerTestBed, extraction, obligation } from '../testing/scheduler-harness';
import type { MilestoneView } from '../testing/scheduler-harness';

const namespace = createTestNamespace('policies');

const POLICIES = {
  default: { offsets: ['P2D', 'PT0S'] },
  business: {
    offsets: ['P3D', 'P2D', 'P1D', 'PT0S'],
    timeOfDay: '10:00',
    skipWeekends: true,
    holidays: 'US',
  },
};

describe('reminder policies', () => {
  const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.start(namespace, clock, {
      REMINDER_POLICIES: JSON.stringify(POLICIES),
    });
  });

  afterAll(() => bed.stop());

  const create = (body: object) =>
    bed.api.request<MilestoneView>('POST', '/v1/milestones', { title: 'Deliver', ...body });
  // Reminders moved onto the same instant have no order among themselves.
  const fireTimes = (view: MilestoneView) =>
    Object.fromEntries(view.reminders.map((r) => [r.offset, r.fireAt]));

  it('plans a milestone without a policy under the default one', async () => {
    const created = await create({ dueDate: '2026-07-06', timeZone: 'America/New_York' });
    expect(created.status).toBe(201);
    // Monday 6 July, 09:00 EDT (UTC-4); P2D is Saturday 4 July and the default policy keeps it.
    expect(created.body).toMatchObject({ policy: null, dueAt: '2026-07-06T13:00:00.000Z' });
    expect(fireTimes(created.body)).toEqual({
      P2D: '2026-07-04T13:00:00.000Z',
      PT0S: '2026-07-06T13:00:00.000Z',
      overdue: '2026-07-07T04:00:00.000Z',
    });
  });

  it('moves reminders off the weekend and observed Independence Day under a business policy', async () => {
    const created = await create({
      dueDate: '2026-07-06',
      timeZone: 'America/New_York',
      policy: 'business',
    });
    expect(created.status).toBe(201);
    // 10:00 EDT. P3D (Fri 3 July, observed holiday), P2D (Sat) and P1D (Sun) all move to Thu 2 July.
    expect(created.body).toMatchObject({ policy: 'business', dueAt: '2026-07-06T14:00:00.000Z' });
    expect(fireTimes(created.body)).toEqual({
      P3D: '2026-07-02T14:00:00.000Z',
      P2D: '2026-07-02T14:00:00.000Z',
      P1D: '2026-07-02T14:00:00.000Z',
      PT0S: '2026-07-06T14:00:00.000Z',
      overdue: '2026-07-07T04:00:00.000Z',
    });
  });

  it('lets a milestone override the offsets, the time of day and the jurisdiction', async () => {
    // Monday 4 May 2026 in London (BST, UTC+1) is the early May bank holiday, a business day in the
    // US. P3D is Friday 1 May and stays; P1D (Sunday 3 May) and PT0S (the bank holiday) move to it.
    const created = await create({
      dueDate: '2026-05-04',
      timeZone: 'Europe/London',
      policy: 'business',
      reminders: ['P3D', 'P1D', 'PT0S'],
      timeOfDay: '16:45',
      jurisdiction: 'GB',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ timeOfDay: '16:45', jurisdiction: 'GB' });
    expect(fireTimes(created.body)).toEqual({
      P3D: '2026-05-01T15:45:00.000Z',
      P1D: '2026-05-01T15:45:00.000Z',
      PT0S: '2026-05-01T15:45:00.000Z',
      overdue: '2026-05-04T23:00:00.000Z',
    });
  });

  it('keeps the policy when a milestone is rescheduled', async () => {
    const created = await create({ dueDate: '2026-07-06', policy: 'business' });
    const moved = await bed.api.request<MilestoneView>(
      'PATCH',
      `/v1/milestones/${created.body.id}`,
      { dueDate: '2026-03-16', by: 'ops@example.org', reason: 'extension' },
    );
    expect(moved.status).toBe(200);
    // Monday 16 March, UTC: P2D (Sat 14) and P1D (Sun 15) move to Friday 13 March, 10:00.
    expect(fireTimes(moved.body)).toEqual({
      P3D: '2026-03-13T10:00:00.000Z',
      P2D: '2026-03-13T10:00:00.000Z',
      P1D: '2026-03-13T10:00:00.000Z',
      PT0S: '2026-03-16T10:00:00.000Z',
      overdue: '2026-03-17T00:00:00.000Z',
    });
  });

  it('schedules a run of extractions as it would one by one: each agreement its own milestones and defaults, one extracted twice in order', async () => {
    const [withDefaults, plain] = [randomUUID(), randomUUID()];
    const defaults = await bed.api.request('PUT', `/v1/agreements/${withDefaults}/defaults`, {
      by: 'ops',
      reason: 'business days',
      policy: 'business',
      jurisdiction: 'US',
    });
    expect(defaults.status).toBe(200);
    // One key: the three events reach the scheduler in one fetched run.
    await bed.publisher.publishAll(
      Topics.ClausesExtractedV1,
      [
        extraction(withDefaults, [
          obligation('meeting', '2026-07-06'),
          obligation('filing', '2026-05-15'),
        ]),
        extraction(plain, [
          obligation('meeting', '2026-07-06'),
          obligation('filing', '2026-05-15'),
        ]),
        extraction(withDefaults, [
          obligation('meeting', '2026-07-06'),
          obligation('audit', '2026-06-30'),
        ]),
      ].map((payload) => ({ payload, key: 'one-run' })),
    );

    const statuses = async (agreementId: string) =>
      Object.fromEntries(
        (await bed.api.milestonesOf(agreementId)).map((m) => [
          m.title.replace(/^act on the /, ''),
          m,
        ]),
      );
    const [first, second] = await expectEventually(async () => {
      const both = [await statuses(withDefaults), await statuses(plain)];
      expect(Object.keys(both[0]!).sort()).toEqual(['audit', 'filing', 'meeting']);
      expect(Object.keys(both[1]!).sort()).toEqual(['filing', 'meeting']);
      return both;
    });
    expect(first!['filing']!.status).toBe('cancelled');
    expect([first!['meeting']!.status, first!['audit']!.status]).toEqual(['pending', 'pending']);
    expect([second!['meeting']!.status, second!['filing']!.status]).toEqual(['pending', 'pending']);
    // Business days at 10:00 for the agreement with defaults, the default policy for the other.
    expect(first!['meeting']!.dueAt).toBe('2026-07-06T10:00:00.000Z');
    expect(Object.keys(fireTimes(first!['meeting']!)).sort()).toEqual(
      ['P1D', 'P2D', 'P3D', 'PT0S', 'overdue'].sort(),
    );
    expect(second!['meeting']!.dueAt).toBe('2026-07-06T09:00:00.000Z');
    expect(Object.keys(fireTimes(second!['meeting']!)).sort()).toEqual(
      ['P2D', 'PT0S', 'overdue'].sort(),
    );
  });

  it("re-plans an agreement's running milestones under the defaults set for it", async () => {
    const agreementId = randomUUID();
    const own = await create({ agreementId, dueDate: '2026-07-06', timeZone: 'America/New_York' });
    const pinned = await create({ agreementId, dueDate: '2026-07-06', policy: 'default' });
    const put = (body: object) =>
      bed.api.request('PUT', `/v1/agreements/${agreementId}/defaults`, {
        by: 'ops',
        reason: 'US desk',
        ...body,
      });
    expect((await put({ policy: 'lenient' })).status).toBe(400);
    expect((await put({ policy: 'business', jurisdiction: 'US' })).status).toBe(200);
    const replanned = await bed.api.milestone(own.body.id);
    // As under the business policy above: 10:00 EDT, everything before 6 July on Thursday 2 July.
    expect(replanned).toMatchObject({ status: 'pending', dueAt: '2026-07-06T14:00:00.000Z' });
    expect(fireTimes(replanned)).toEqual({
      P3D: '2026-07-02T14:00:00.000Z',
      P2D: '2026-07-02T14:00:00.000Z',
      P1D: '2026-07-02T14:00:00.000Z',
      PT0S: '2026-07-06T14:00:00.000Z',
      overdue: '2026-07-07T04:00:00.000Z',
    });
    expect(replanned.history?.at(-1)).toMatchObject({ actor: 'ops', toStatus: 'pending' });
    // A milestone naming its own policy keeps it.
    expect(fireTimes(await bed.api.milestone(pinned.body.id))).toEqual(fireTimes(pinned.body));
    const later = await create({ agreementId, dueDate: '2026-03-16' });
    expect(fireTimes(later.body)['P1D']).toBe('2026-03-13T10:00:00.000Z');
  });

  it.each([
    ['an unknown policy', { policy: 'lenient' }],
    ['a malformed time of day', { timeOfDay: '9am' }],
    ['an unknown jurisdiction', { jurisdiction: 'XX' }],
  ])('answers 400 naming the field to %s', async (_, fields) => {
    const response = await bed.api.request<{ detail: string; errors: { field: string }[] }>(
      'POST',
      '/v1/milestones',
      {
        title: 'Deliver',
        dueDate: '2026-07-06',
        ...fields,
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain(Object.keys(fields)[0]);
    expect(response.body.errors.map((error) => error.field)).toContain(Object.keys(fields)[0]);
  });
});

describe('REMINDER_POLICIES at start', () => {
  const load = (value: string) => () => loadEnv(SchedulerEnv, { REMINDER_POLICIES: value });

  it('reads policies from a YAML file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'policies-')), 'policies.yaml');
    writeFileSync(file, 'tight:\n  offsets: [PT1H]\n  skipWeekends: true\n');
    expect(load(file)().REMINDER_POLICIES).toBe(file);
  });

  it('refuses to start with every error named', () => {
    expect(load('{"tight":{"offsets":["soon"],"holidays":"XX"}}')).toThrow(
      /tight\.offsets: must be a list of ISO 8601 durations.*tight\.holidays: must be a country code/,
    );
    expect(load('/nonexistent/policies.yaml')).toThrow(/cannot read \/nonexistent\/policies\.yaml/);
    expect(load('{"default": ')).toThrow(/REMINDER_POLICIES: not valid JSON/);
  });
});
