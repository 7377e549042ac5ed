import {
  TestApiKeys,
  createTestNamespace,
  dropTestSchemas,
  isProblem,
  probeProtection,
  requiredEnv,
} from '@dealwatch/testing';

import { randomUUID } from 'node:crypto';

import { startAlerting } from './testing/alerting-harness';
import type { RunningAlerting } from './testing/alerting-harness';

const namespace = createTestNamespace('alerting-auth');

describe('alerting: who may call what', () => {
  let service: RunningAlerting;
  let keys: TestApiKeys;

  beforeAll(async () => {
    service = await startAlerting(namespace, []);
    keys = await TestApiKeys.open(requiredEnv('DATABASE_URL'), namespace);
  });

  afterAll(async () => {
    await keys.close();
    await service.app.close();
    await dropTestSchemas(requiredEnv('DATABASE_URL'), namespace);
  });

  it('refuses every documented operation without credentials, and above the caller’s role', async () => {
    const report = await probeProtection(service.base, {
      viewer: (await keys.create('viewer')).key,
      operator: (await keys.create('operator')).key,
    });
    // The one-click acknowledgement link of a notification carries its own signature instead.
    expect(report.publicOperations.sort()).toEqual([
      'GET /health',
      'GET /health/live',
      'GET /v1/alerts/{id}/ack',
    ]);
    // Receivers and routes decide where alerts go: admins only. Silences are operators' work.
    expect(report.adminOperations.sort()).toEqual([
      'DELETE /v1/receivers/{id}',
      'PATCH /v1/receivers/{id}',
      'POST /v1/receivers',
      'PUT /v1/routes',
    ]);
    expect(report.viewerWrites).toEqual([]);
    expect(report.anonymous.length).toBeGreaterThan(10);
    expect(report.anonymous.filter((answer) => !isProblem(answer, 401))).toEqual([]);
    expect(report.viewerAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
    expect(report.operatorAboveRole.filter((answer) => !isProblem(answer, 403))).toEqual([]);
  });

  it('answers an acknowledgement link without a key by checking its signature', async () => {
    const forged = await fetch(
      `${service.base}/v1/alerts/${randomUUID()}/ack?exp=9999999999&sig=x`,
    );
    expect(forged.status).not.toBe(401);
    expect(forged.status).toBeGreaterThanOrEqual(400);
  });
});
