import { ENV, REDIS } from '@dealwatch/platform';
import type { ServiceEnv } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';

export interface IdempotencyRecord {
  agreementId: string;
  /** Digest of the request's document: a key reused for another document is a client error. */
  contentSha256: string;
}

const TTL_SECONDS = 24 * 60 * 60;

/** Remembers `Idempotency-Key` headers for a day, as payment APIs do. */
@Injectable()
export class IdempotencyStore {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ENV) private readonly env: ServiceEnv,
  ) {}

  async find(key: string): Promise<IdempotencyRecord | null> {
    const stored = await this.redis.get(this.redisKey(key));
    return stored ? (JSON.parse(stored) as IdempotencyRecord) : null;
  }

  async remember(key: string, record: IdempotencyRecord): Promise<void> {
    await this.redis.set(this.redisKey(key), JSON.stringify(record), 'EX', TTL_SECONDS, 'NX');
  }

  private redisKey(key: string): string {
    return `${this.env.REDIS_KEY_PREFIX}ingest:idempotency:${key}`;
  }
}
