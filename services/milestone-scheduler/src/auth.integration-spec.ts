import { ManualClock } from '@dealwatch/platform';
import {
  TestApiKeys,
  apiFetch,
  createTestNamespace,
  dropTestSchemas,
  isProblem,
  probeProtection,
  requiredEnv,
} from '@dealwatch/testing';

import { startScheduler } from './testing/scheduler-harness';
import type { RunningScheduler } from './testing/scheduler-harness';

const namespace = createTestNamespace('scheduler-auth');

describe('milestone-scheduler: who may call what', () => {
  let scheduler: RunningScheduler;
  let keys: TestApiKeys;

  beforeAll(async () => {
    scheduler = await startScheduler(namespace, new ManualClock(new Date('2026-01-05T00:00:00Z')));
    keys = await TestApiKeys.open(requiredEnv('DATABASE_URL'), namespace);
  });

  afterAll(async () => {
    await keys.close();
    await scheduler.app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('refuses every documented operation without credentials, and above the caller’s role', async () => {
    const report = await probeProtection(scheduler.api.base, {
      viewer: (await keys.create('viewer')).key,
      operator: (await keys.create('operator')).key,
    });
    expect(report.publicOperations.sort()).toEqual(['GET /health', 'GET /health/live']);
    // An agreement's defaults choose its reminder policy: configuration, for admins.
    expect(report.adminOperations).toEqual(['PUT /v1/agreements/{agreementId}/defaults']);
    // Creating a calendar link changes nothing: it grants the reading a viewer may do anyway.
    expect(report.viewerWrites).toEqual(['POST /v1/calendar-links']);
    expect(report.anonymous.length).toBeGreaterThan(5);
    expect(report.anonymous.filter((answer) => !isProblem(answer, 401))).toEqual([]);
    expect(report.viewerAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
    expect(report.operatorAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
  });

  it('lets a viewer read but not write, and records who changed a milestone', async () => {
    const viewer = await keys.create('viewer', { name: 'auditor' });
    const operator = await keys.create('operator', { name: 'dana' });
    const base = scheduler.api.base;
    const json = (body: unknown) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

    const refused = await apiFetch(
      `${base}/v1/milestones`,
      json({ title: 'x', dueDate: '2026-03-01' }),
      viewer.key,
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      detail: 'POST /v1/milestones needs the operator role; auditor is viewer',
    });

    const created = await apiFetch(
      `${base}/v1/milestones`,
      json({ title: 'File the report', dueDate: '2026-03-01' }),
      operator.key,
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = await apiFetch(`${base}/v1/milestones/${id}`, {}, viewer.key);
    expect(read.status).toBe(200);

    const completed = await apiFetch(
      `${base}/v1/milestones/${id}/complete`,
      json({ reason: 'filed' }),
      operator.key,
    );
    expect(completed.status).toBe(200);
    const { history } = (await completed.json()) as { history: { actor: string }[] };
    expect(history.map((entry) => entry.actor)).toEqual(['dana', 'dana']);
  });
});
