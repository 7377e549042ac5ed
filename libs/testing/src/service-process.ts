import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { expectEventually } from './expect-eventually';

/** The four services, their default ports and the entry point a build produces. */
export const serviceNames = [
  'ingest',
  'clause-extraction',
  'milestone-scheduler',
  'alerting',
] as const;
export type ServiceName = (typeof serviceNames)[number];

export const defaultPorts: Record<ServiceName, number> = {
  ingest: 3001,
  'clause-extraction': 3002,
  'milestone-scheduler': 3003,
  alerting: 3004,
};

export function serviceEntry(workspaceRoot: string, name: ServiceName): string {
  return join(workspaceRoot, 'dist', 'services', name, 'services', name, 'src', 'main.js');
}

export interface ServiceProcessOptions {
  name: ServiceName;
  entry: string;
  port: number;
  env: Record<string, string>;
  /** Where stdout and stderr go (appended, so restarts keep the history). */
  logFile: string;
}

/** A built service run as a real OS process, as in production: started, probed, signalled. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(readonly options: ServiceProcessOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 60_000): Promise<this> {
    mkdirSync(dirname(this.options.logFile), { recursive: true });
    const log = createWriteStream(this.options.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [this.options.entry], {
      env: { ...process.env, ...this.options.env, PORT: String(this.options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        resolve(code);
      }),
    );
    await expectEventually(
      async () => {
        if (child.exitCode !== null)
          throw new Error(
            `${this.options.name} exited with ${child.exitCode}; see ${this.options.logFile}`,
          );
        const response = await fetch(`${this.url}/health`);
        if (response.status !== 200)
          throw new Error(`${this.options.name} is not ready: ${await response.text()}`);
      },
      { timeoutMs, intervalMs: 200 },
    );
    return this;
  }

  /** Sends SIGKILL: no shutdown hooks, as in a crash. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Sends SIGTERM and waits for a clean exit; SIGKILL after the grace period. */
  async stop(graceMs = 15_000): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      return child?.exitCode ?? null;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
