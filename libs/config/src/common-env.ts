// Env classes annotate every field: class-transformer converts by the declared type.
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

import { CommaSeparated } from './comma-separated';
import { EnvVariable } from './env-metadata';

/** Variables every DealWatch service reads. Each service extends it with its own. */
export class CommonEnv {
  @EnvVariable({ description: 'Log level: fatal, error, warn, info, debug or trace.' })
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @EnvVariable({ description: 'Kafka bootstrap servers, comma separated host:port.' })
  @CommaSeparated()
  @IsString({ each: true })
  @Matches(/^[^\s:]+:\d+$/, { each: true, message: 'each broker must be host:port' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  @EnvVariable({
    description:
      'Prepended to every topic and consumer group name (isolates test runs); empty in production.',
  })
  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]*$/)
  KAFKA_TOPIC_PREFIX: string = '';

  @EnvVariable({ description: 'PostgreSQL connection URL.', sensitive: false })
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/postgres';

  @EnvVariable({ description: 'Redis connection URL.' })
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @EnvVariable({
    description: 'Prepended to every Redis key (isolates test runs and shared Redis servers).',
  })
  @Matches(/^[a-zA-Z0-9:._-]*$/)
  REDIS_KEY_PREFIX: string = 'dealwatch:';

  @EnvVariable({
    description: 'How often (ms) the outbox relay looks for unpublished events when idle.',
  })
  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS: number = 100;

  @EnvVariable({
    description:
      'Largest JSON or text request body, e.g. 1mb; larger requests get 413 (ingest reads documents up to INGEST_MAX_BODY, the console forwards uploads up to CONSOLE_UPLOAD_MAX_BODY).',
  })
  @Matches(/^\d+(kb|mb)$/i, { message: 'HTTP_MAX_BODY must be a size such as 512kb or 1mb' })
  HTTP_MAX_BODY: string = '1mb';

  @EnvVariable({
    description: 'Name this instance reports in its logs (default: the process id).',
  })
  @IsString()
  @IsNotEmpty()
  INSTANCE_ID: string = `${process.pid}`;
}
