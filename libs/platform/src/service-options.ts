import type { CommonEnv } from '@dealwatch/config';

import type { MixedList } from 'typeorm';

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
  /** Whether the service uses Redis (and its health depends on it). */
  redis: boolean;
}
