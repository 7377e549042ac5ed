import type { CommonEnv } from '@dealwatch/config';

import type { MixedList } from 'typeorm';

import type { BodyBudget } from './http/body-budget';

export interface ServiceEnv extends CommonEnv {
  PORT: number;
  DATABASE_SCHEMA: string;
}

export interface ServiceOptions<E extends ServiceEnv = ServiceEnv> {
  /** e.g. `ingest`: the CloudEvents source, the Kafka client id, the consumer group. */
  name: string;
  env: E;
  entities: MixedList<new () => object>;
  migrations: MixedList<new () => object>;
  /**
   * Whether the service uses Redis (and its health depends on it). The auth rate limits need it
   * too, so with them on (the default) every service connects to Redis.
   */
  redis: boolean;
  /**
   * Leaves text/plain and text/markdown bodies unread for the service to decode itself (ingest
   * does, to honour byte order marks and refuse bytes that are not in the declared charset).
   */
  rawTextBodies?: boolean;
  /** Bounds the request bodies held at once (ingest's uploads); none by default. */
  bodyBudget?: BodyBudget;
  /**
   * How long the service's consumer lets events gather before taking them (none by default): for
   * services whose consumers nobody downstream waits on, fewer and larger transactions.
   */
  eventGatherMs?: number;
}
