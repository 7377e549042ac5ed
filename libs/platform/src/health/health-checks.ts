import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Kafka } from 'kafkajs';
import type { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';

import { EventSubscriptions } from '../event-subscriptions';
import { KAFKA, REDIS } from '../tokens';

export interface CheckResult {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: Record<string, CheckResult>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Readiness: can this instance reach PostgreSQL, Kafka and (if it uses it) Redis right now, and is
 * its consumer (if it has one) taking events?
 */
@Injectable()
export class HealthChecks implements OnModuleDestroy {
  private admin: Admin | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly subscriptions: EventSubscriptions,
  ) {}

  async report(): Promise<HealthReport> {
    const checks: Record<string, () => Promise<unknown>> = {
      postgres: () => this.dataSource.query('SELECT 1'),
      kafka: () => this.kafkaAdmin().then((admin) => admin.describeCluster()),
    };
    const redis = this.redis;
    if (redis) checks['redis'] = () => redis.ping();
    if (this.subscriptions.consuming) checks['consumer'] = () => this.consumerTakesEvents();
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => [name, await timed(check)] as const),
    );
    const healthy = results.every(([, result]) => result.status === 'up');
    return { status: healthy ? 'ok' : 'degraded', checks: Object.fromEntries(results) };
  }

  private consumerTakesEvents(): Promise<void> {
    const problem = this.subscriptions.problem;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect();
  }

  private async kafkaAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}

async function timed(check: () => Promise<unknown>): Promise<CheckResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`));
        }, CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'down', latencyMs: Date.now() - started, error: message };
  } finally {
    clearTimeout(timer);
  }
}
