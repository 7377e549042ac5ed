import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { expectEventually } from './expect-eventually';

/** The services, their default ports and the entry point a build produces. */
export const serviceNames = [
  'ingest',
  'clause-extraction',
  'milestone-scheduler',
  'alerting',
  'console',
] as const;
export type ServiceName = (typeof serviceNames)[number];

export const defaultPorts: Record<ServiceName, number> = {
  ingest: 3001,
  'clause-extraction': 3002,
  'milestone-scheduler': 3003,
  alerting: 3004,
  console: 3000,
};

/**
 * Old-space cap of every service's heap (`--max-old-space-size`; the Dockerfile sets the same).
 * Left alone, V8 lets a busy service's heap grow lazily well past its live set (ingest reached
 * 324 MB RSS under a rising load with a live set under 160 MB); documents are converted on heaps
 * of their own (INGEST_CONVERSION_HEAP_MB), so nothing large has to fit in this one.
 */
export const SERVICE_HEAP_MB = 192;

/**
 * The V8 flags every service runs with (the Dockerfile passes the same). Under a cap this small V8
 * lets the old generation grow only 1.3 times its live set before a full collection (a service
 * of 42 MB live ran one every 2 s at 50 agreements/s), and each one drops the optimised code of
 * every short-lived callback, which is then compiled again: two in five of the services'
 * optimisations. Doubling the live set instead, still under the cap, cut full collections by
 * two thirds and the services' CPU by about 5% for some 30 MB more RSS each (bench/pipeline).
 */
export const SERVICE_NODE_FLAGS: readonly string[] = [
  `--max-old-space-size=${SERVICE_HEAP_MB}`,
  '--heap-growing-percent=100',
];

export function serviceEntry(workspaceRoot: string, name: ServiceName): string {
  return join(workspaceRoot, 'dist', 'services', name, 'services', name, 'src', 'main.js');
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
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
  private exited: Promise<ProcessExit> = Promise.resolve({ code: null, signal: null });

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
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, this.options.entry], {
      env: { ...process.env, ...this.options.env, PORT: String(this.options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C in the terminal reaches only the runner, which then stops each
      // service once. A second signal during shutdown would cut the shutdown short.
      detached: true,
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.child = child;
    // Detached children outlive their parent; a runner that exits must not leave services behind.
    const reap = () => child.kill('SIGKILL');
    process.once('exit', reap);
    child.once('exit', () => process.removeListener('exit', reap));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        resolve({ code, signal });
      }),
    );
    const died = new AbortController();
    child.once('exit', () => {
      died.abort();
    });
    await expectEventually(
      async () => {
        // A process killed by a signal has no exit code, only the signal.
        const exit = child.exitCode ?? child.signalCode;
        if (exit !== null)
          throw new Error(`${this.options.name} exited with ${exit}; see ${this.options.logFile}`);
        const live = (await (await fetch(`${this.url}/health/live`)).json()) as { pid?: number };
        if (live.pid !== child.pid) {
          throw new Error(
            `port ${this.options.port} is answered by process ${live.pid}, not ${this.options.name}`,
          );
        }
        const response = await fetch(`${this.url}/health`);
        if (response.status !== 200)
          throw new Error(`${this.options.name} is not ready: ${await response.text()}`);
      },
      { timeoutMs, intervalMs: 200, signal: died.signal },
    );
    return this;
  }

  /** Sends SIGKILL: no shutdown hooks, as in a crash. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /**
   * Sends SIGTERM and waits for the exit; SIGKILL after the grace period. Nest re-raises the signal
   * once its shutdown hooks are done, so a clean stop ends with signal SIGTERM (or code 0).
   */
  async stop(graceMs = 15_000): Promise<ProcessExit> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return this.exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}
