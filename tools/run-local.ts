/**
 * `npm start` after the infrastructure is up and the services are built: runs the five services as
 * processes, posts the sample agreement (unless DEALWATCH_DEMO=0), prints the milestones and alerts
 * it produced, and keeps everything running until Ctrl-C or SIGTERM. Without DEALWATCH_ADMIN_API_KEY
 * it makes one, kept in .dealwatch-admin-key (git-ignored) so it stays the same from run to run, and
 * prints it with the console's address for a person to sign in.
 */
import {
  ServiceProcess,
  apiFetch,
  defaultPorts,
  expectEventually,
  serviceEntry,
  serviceNames,
} from '@dealwatch/testing';
import type { ServiceName } from '@dealwatch/testing';

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
const DEMO_RECEIVER_PORT = 3099;
const ADMIN_KEY_FILE = '.dealwatch-admin-key';

interface AlertDelivery {
  data: { summary: string; alertId: string };
}

async function main(): Promise<void> {
  const env = { ...process.env } as Record<string, string>;
  const adminKey = env['DEALWATCH_ADMIN_API_KEY'] || localAdminKey();
  env['DEALWATCH_ADMIN_API_KEY'] = adminKey;
  const receiver = env['ALERT_WEBHOOK_URLS'] ? null : await startDemoReceiver();
  if (receiver) {
    env['ALERT_WEBHOOK_URLS'] = `http://127.0.0.1:${DEMO_RECEIVER_PORT}/alerts`;
    // The demo receiver is on loopback, which alerting's SSRF guard refuses unless allowed.
    env['OUTBOUND_ALLOWLIST'] = [env['OUTBOUND_ALLOWLIST'], '127.0.0.1'].filter(Boolean).join(',');
  }

  const services = serviceNames.map(
    (name) =>
      new ServiceProcess({
        name,
        entry: serviceEntry(root, name),
        port: Number(env[`${envName(name)}_PORT`] ?? defaultPorts[name]),
        // One instance of each: one started again after a crash takes its old place in its group.
        env: { KAFKA_GROUP_INSTANCE_ID: `${name}-local`, ...env },
        logFile: resolve(root, 'tmp', 'logs', `${name}.log`),
      }),
  );
  const stop = async (signal: string) => {
    console.log(`\n${signal}: stopping the services`);
    await Promise.all(services.map((service) => service.stop()));
    receiver?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await Promise.all(services.map((service) => service.start()));
  for (const service of services)
    console.log(
      `${service.options.name.padEnd(20)} ${service.url}  (log: tmp/logs/${service.options.name}.log)`,
    );

  const consoleUrl = services.find((service) => service.options.name === 'console')?.url ?? '';
  const from = process.env['DEALWATCH_ADMIN_API_KEY'] ? 'DEALWATCH_ADMIN_API_KEY' : ADMIN_KEY_FILE;
  console.log(
    `\nConsole: ${consoleUrl}  sign in with the admin key (from ${from}):\n  ${adminKey}`,
  );
  console.log(
    '  More keys: npm run -s dealwatch -- keys create --name NAME --role viewer|operator|admin, ' +
      'with DEALWATCH_API_KEY set to this one.',
  );

  if (env['DEALWATCH_DEMO'] !== '0') await runDemo(services, adminKey);
  console.log('\nRunning. Ctrl-C stops everything.');
}

/** The local run's admin key: the one in .dealwatch-admin-key, or a new random one saved there. */
function localAdminKey(): string {
  const file = resolve(root, ADMIN_KEY_FILE);
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (saved.length >= 32) return saved;
  }
  const key = `dwadmin_${randomBytes(32).toString('base64url')}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

async function runDemo(services: ServiceProcess[], adminKey: string): Promise<void> {
  const url = (name: ServiceName) =>
    services.find((service) => service.options.name === name)?.url ?? '';
  const text = readFileSync(resolve(root, 'samples', 'seed-us-japan.txt'), 'utf8');
  const response = await apiFetch(
    `${url('ingest')}/v1/agreements`,
    {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: text,
    },
    adminKey,
  );
  const { id } = (await response.json()) as { id: string };
  console.log(`\nIngested samples/seed-us-japan.txt as agreement ${id}`);

  const milestones = await expectEventually(
    async () => {
      const answer = await apiFetch(
        `${url('milestone-scheduler')}/v1/milestones?agreementId=${id}`,
        {},
        adminKey,
      );
      const { items } = (await answer.json()) as {
        items: { dueDate: string | null; category: string; title: string }[];
      };
      if (items.length === 0) throw new Error('no milestones yet');
      return items;
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  console.log('\nMilestones:');
  for (const m of milestones)
    console.log(`  ${m.dueDate ?? 'tracked   '}  ${m.category.padEnd(12)} ${m.title}`);
  const dated = milestones.filter((m) => m.dueDate !== null);

  const alerts = await expectEventually(
    async () => {
      const answer = await apiFetch(`${url('alerting')}/v1/alerts?agreementId=${id}`, {}, adminKey);
      const body = (await answer.json()) as {
        items: { summary: string; deliveries?: { status: string }[] }[];
      };
      if (body.items.length < dated.length) throw new Error('alerts still coming');
      return body.items;
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  ).catch(() => []);
  console.log('\nAlerts:');
  for (const alert of alerts) {
    const statuses = (alert.deliveries ?? []).map((delivery) => delivery.status).join(', ');
    console.log(`  ${alert.summary}  [${statuses || 'no receivers'}]`);
  }
}

/** Prints each alert it receives, so a first run shows alerts arriving without any setup. */
async function startDemoReceiver() {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as AlertDelivery;
        console.log(
          `  webhook <- ${body.data.summary} (webhook-id ${String(request.headers['webhook-id'])})`,
        );
      } catch {
        console.log('  webhook <- (unreadable body)');
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(DEMO_RECEIVER_PORT, '127.0.0.1', done));
  return server;
}

function envName(name: ServiceName): string {
  return name.toUpperCase().replace(/-/g, '_');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
