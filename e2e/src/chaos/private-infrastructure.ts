import { expectEventually } from '@dealwatch/testing';

import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type InfrastructurePartName = 'kafka' | 'postgres' | 'redis';

/** One dependency the fault tests may stop and start again. */
export interface InfrastructurePart {
  readonly name: InfrastructurePartName;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the kernel's pick). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * Kafka, PostgreSQL and Redis of the fault tests' own, on free ports and in a temporary directory:
 * the shared ones serve other test runs at the same time and must never be stopped. Everything
 * lives under one directory that `stop()` removes, and a part stopped by a test is started again.
 */
export class PrivateInfrastructure {
  readonly directory = mkdtempSync(join(tmpdir(), 'dealwatch-chaos-'));
  readonly kafka: PrivateKafka;
  readonly postgres: PrivatePostgres;
  readonly redis: PrivateRedis;

  constructor(workspaceRoot: string) {
    // PostgreSQL runs as its own user, who must be able to reach its data directory inside.
    chmodSync(this.directory, 0o711);
    this.kafka = new PrivateKafka(workspaceRoot, join(this.directory, 'kafka'));
    this.postgres = new PrivatePostgres(join(this.directory, 'postgres'));
    this.redis = new PrivateRedis(join(this.directory, 'redis'));
  }

  part(name: InfrastructurePartName): InfrastructurePart {
    return this[name];
  }

  async start(): Promise<this> {
    try {
      await Promise.all([this.kafka.start(), this.postgres.start(), this.redis.start()]);
    } catch (error) {
      await this.stop();
      throw error;
    }
    return this;
  }

  /** What a service needs to reach them, in the variables it reads. */
  get env(): { KAFKA_BROKERS: string; DATABASE_URL: string; REDIS_URL: string } {
    return {
      KAFKA_BROKERS: this.kafka.brokers,
      DATABASE_URL: this.postgres.url,
      REDIS_URL: this.redis.url,
    };
  }

  /** Stops all three (whatever state a failed test left them in) and deletes their data. */
  async stop(): Promise<void> {
    const results = await Promise.allSettled([
      this.kafka.stop(),
      this.postgres.stop(),
      this.redis.stop(),
    ]);
    rmSync(this.directory, { recursive: true, force: true });
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** A broker started by infra/kafka/kafka.sh with its own home directory and ports. */
export class PrivateKafka implements InfrastructurePart {
  readonly name = 'kafka';
  private ports: { broker: number; controller: number } | null = null;

  constructor(
    private readonly workspaceRoot: string,
    private readonly home: string,
  ) {}

  get brokers(): string {
    if (!this.ports) throw new Error('the private Kafka has not been started');
    return `127.0.0.1:${this.ports.broker}`;
  }

  async start(): Promise<void> {
    // Chosen once: a restarted broker must come back where the clients look for it.
    this.ports ??= { broker: await freePort(), controller: await freePort() };
    await this.script('start');
  }

  async stop(): Promise<void> {
    if (this.ports) await this.script('stop');
  }

  private async script(command: 'start' | 'stop'): Promise<void> {
    await run('bash', [resolve(this.workspaceRoot, 'infra/kafka/kafka.sh'), command], {
      env: {
        ...process.env,
        KAFKA_PORT: String(this.ports!.broker),
        KAFKA_CONTROLLER_PORT: String(this.ports!.controller),
        KAFKA_HOME_DIR: this.home,
        // The jars of the shared broker's cache, so this one needs no Maven run of its own.
        KAFKA_LIB_DIR:
          process.env['KAFKA_LIB_DIR'] ?? resolve(this.workspaceRoot, 'infra/kafka/.cache/lib'),
        KAFKA_HEAP_OPTS: '-Xms128m -Xmx512m',
      },
      timeout: 120_000,
    });
  }
}

/**
 * A PostgreSQL cluster made with initdb (trust authentication) and run with pg_ctl. PostgreSQL
 * refuses to run as root, so as root both run as the `postgres` user.
 */
export class PrivatePostgres implements InfrastructurePart {
  readonly name = 'postgres';
  private port = 0;
  private initialised = false;

  constructor(private readonly directory: string) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    if (!this.initialised) {
      this.port = await freePort();
      mkdirSync(this.directory, { recursive: true });
      if (process.getuid?.() === 0) {
        const { stdout } = await run('id', ['-u', 'postgres']);
        const { stdout: gid } = await run('id', ['-g', 'postgres']);
        chownSync(this.directory, Number(stdout.trim()), Number(gid.trim()));
      }
      await this.asPostgres('initdb', [
        '-D',
        this.data,
        '-A',
        'trust',
        '-U',
        'postgres',
        '--no-sync',
        '--no-instructions',
      ]);
      this.initialised = true;
    }
    await this.asPostgres('pg_ctl', [
      '-D',
      this.data,
      '-l',
      join(this.directory, 'server.log'),
      '-o',
      // Durability is not under test here; fsync off keeps the machine's disk out of the timings.
      `-p ${this.port} -k ${this.directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** A fast shutdown: open sessions are cut, as when a database server goes away. */
  async stop(): Promise<void> {
    if (!this.initialised || !existsSync(join(this.data, 'postmaster.pid'))) return;
    await this.asPostgres('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  private get data(): string {
    return join(this.directory, 'data');
  }

  private async asPostgres(tool: 'initdb' | 'pg_ctl', args: string[]): Promise<void> {
    const binary = join(postgresBinDir(), tool);
    const [command, commandArgs] =
      process.getuid?.() === 0
        ? ['runuser', ['-u', 'postgres', '--', binary, ...args]]
        : [binary, args];
    await run(command, commandArgs, { timeout: 90_000, cwd: this.directory });
  }
}

/** The newest installed PostgreSQL's programs (PG_BIN_DIR names another). */
function postgresBinDir(): string {
  const chosen = process.env['PG_BIN_DIR'];
  if (chosen) return chosen;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const newest = versions.at(-1);
  if (!newest) throw new Error(`no PostgreSQL under ${root}; set PG_BIN_DIR to its bin directory`);
  return join(root, newest, 'bin');
}

/** A Redis without persistence, as a child process of the test. */
export class PrivateRedis implements InfrastructurePart {
  readonly name = 'redis';
  private port = 0;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly directory: string) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    mkdirSync(this.directory, { recursive: true });
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.directory,
        '--logfile',
        join(this.directory, 'redis.log'),
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    const reap = () => child.kill('SIGKILL');
    process.once('exit', reap);
    this.exited = new Promise((done) =>
      child.once('exit', () => {
        process.removeListener('exit', reap);
        done();
      }),
    );
    await expectEventually(() => redisAnswers(this.port), { timeoutMs: 15_000, intervalMs: 100 });
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
    this.child = null;
  }
}

/** Resolves once Redis answers PING with PONG on the port; rejects otherwise. */
function redisAnswers(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(1_000);
    socket.once('error', fail);
    socket.once('timeout', () => {
      socket.destroy();
      fail(new Error('Redis did not answer'));
    });
    socket.once('data', (data) => {
      socket.destroy();
      if (data.toString().startsWith('+PONG')) done();
      else fail(new Error(`Redis answered ${data.toString()}`));
    });
    socket.write('PING\r\n');
  });
}
