import {
  ServiceProcess,
  TEST_ADMIN_API_KEY,
  WebhookReceiver,
  apiFetch,
  createTestNamespace,
  defaultPorts,
  requiredEnv,
  serviceEntry,
  serviceNames,
} from '@dealwatch/testing';
import type { ReceivedRequest, ServiceName, TestNamespace } from '@dealwatch/testing';

import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

export const workspaceRoot = resolve(__dirname, '../..');
export const run = promisify(execFile);

/**
 * Ports away from the defaults, so a local `npm start` can keep running beside the tests;
 * `E2E_BASE_PORT` moves them, so two checkouts can run their end-to-end tests at once.
 */
const E2E_BASE_PORT = Number(process.env['E2E_BASE_PORT'] ?? 13000);

export const WEBHOOK_SECRET = 'whsec_ZTJlLXRlc3Qtc2VjcmV0LWZvci1kZWFsd2F0Y2g=';

export interface AlertBody {
  type: string;
  data: { alertId: string; agreementId: string; offset: string; dueDate: string; summary: string };
}

export function alertBody(request: ReceivedRequest): AlertBody {
  return JSON.parse(request.body) as AlertBody;
}

/** The whole system on its own topics and schemas, with one webhook receiver. */
export class Pipeline {
  readonly namespace: TestNamespace = createTestNamespace('e2e');

  /** `overrides` replace the test defaults, e.g. a quieter LOG_LEVEL for benchmarks. */
  constructor(
    private readonly overrides: Record<string, string> = {},
    /** The console's port; the others follow it as their defaults follow 3000. */
    private readonly basePort = E2E_BASE_PORT,
  ) {}

  private port(name: ServiceName): number {
    return this.basePort + defaultPorts[name] - defaultPorts.console;
  }

  readonly receiver = new WebhookReceiver();
  /** DEALWATCH_ADMIN_API_KEY of every service; it creates the other keys a test needs. */
  readonly adminKey = TEST_ADMIN_API_KEY;
  readonly services = {} as Record<ServiceName, ServiceProcess>;

  async start(): Promise<this> {
    await this.receiver.start();
    for (const name of serviceNames) {
      this.services[name] = new ServiceProcess({
        name,
        entry: serviceEntry(workspaceRoot, name),
        port: this.port(name),
        env: this.envFor(name),
        logFile: resolve(
          workspaceRoot,
          'tmp',
          'e2e-logs',
          `${this.namespace.topicPrefix}${name}.log`,
        ),
      });
    }
    await Promise.all(serviceNames.map((name) => this.services[name].start()));
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all(serviceNames.map((name) => this.services[name].stop()));
    await this.receiver.stop();
  }

  topic(name: string): string {
    return `${this.namespace.topicPrefix}${name}`;
  }

  async postDocument(
    text: string,
  ): Promise<{ status: number; body: { id: string; status: string } }> {
    const response = await apiFetch(`${this.services.ingest.url}/v1/agreements`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: text,
    });
    return {
      status: response.status,
      body: (await response.json()) as { id: string; status: string },
    };
  }

  /** The agreement's dated milestones (commitments without a date are listed too, as tracked). */
  async milestonesOf(agreementId: string): Promise<{ dueDate: string; category: string }[]> {
    const response = await apiFetch(
      `${this.services['milestone-scheduler'].url}/v1/milestones?agreementId=${agreementId}`,
    );
    const { items } = (await response.json()) as {
      items: { dueDate: string | null; category: string }[];
    };
    return items.flatMap(({ dueDate, category }) => (dueDate ? [{ dueDate, category }] : []));
  }

  /** Creates an API key through the console, as an admin would; answers the key and its id. */
  async createKey(
    role: 'viewer' | 'operator' | 'admin',
    options: { name?: string; scopes?: string[] } = {},
  ): Promise<{ id: string; key: string }> {
    const response = await apiFetch(`${this.services.console.url}/v1/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: options.name ?? role, role, scopes: options.scopes ?? [] }),
    });
    if (response.status !== 201) throw new Error(`POST /v1/api-keys: ${response.status}`);
    return (await response.json()) as { id: string; key: string };
  }

  /** Accepted webhook deliveries about one agreement. */
  alertsFor(agreementId: string): AlertBody[] {
    return this.receiver.accepted
      .map(alertBody)
      .filter((body) => body.data.agreementId === agreementId);
  }

  private envFor(name: ServiceName): Record<string, string> {
    return {
      KAFKA_BROKERS: requiredEnv('KAFKA_BROKERS'),
      DATABASE_URL: requiredEnv('DATABASE_URL'),
      REDIS_URL: requiredEnv('REDIS_URL'),
      KAFKA_TOPIC_PREFIX: this.namespace.topicPrefix,
      // One instance of each service: a restarted one takes its old member's place in its group.
      KAFKA_GROUP_INSTANCE_ID: `${name}-1`,
      REDIS_KEY_PREFIX: this.namespace.topicPrefix,
      DATABASE_SCHEMA: `${this.namespace.schemaPrefix}${name.replace(/-/g, '_')}`,
      // One key registry for the whole system under test, as in production.
      AUTH_DATABASE_SCHEMA: `${this.namespace.schemaPrefix}auth`,
      DEALWATCH_ADMIN_API_KEY: this.adminKey,
      LOG_LEVEL: 'info',
      ALERT_WEBHOOK_URLS: this.receiver.url,
      // The receiver listens on loopback, which alerting refuses unless the allowlist names it.
      OUTBOUND_ALLOWLIST: '127.0.0.1',
      INGEST_URL: `http://127.0.0.1:${this.port('ingest')}`,
      ALERTING_URL: `http://127.0.0.1:${this.port('alerting')}`,
      ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET,
      ALERT_RETRY_BASE_MS: '200',
      ALERT_RETRY_MAX_MS: '1000',
      ALERT_DELIVERY_MAX_ATTEMPTS: '100',
      ...this.overrides,
    };
  }
}
