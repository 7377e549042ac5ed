// Env classes annotate every field: class-transformer converts by the declared type.
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

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

  @EnvVariable({
    description:
      "This instance's identity in its service's consumer group (Kafka static membership), e.g. the pod name of a StatefulSet: an instance started again under it, as after a crash or a kill, takes its old member's place at once instead of the group waiting out that member's session (6 s). Unique per running instance: two live instances under one identity fence each other out in turn. Empty: a new member at each start. The Docker image sets it to the container's hostname unless it is given, empty included.",
  })
  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]{0,200}$/, {
    message:
      'KAFKA_GROUP_INSTANCE_ID must be up to 200 letters, digits, dots, dashes or underscores',
  })
  KAFKA_GROUP_INSTANCE_ID: string = '';

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
    description:
      "How often (ms) an idle outbox relay looks for unpublished events anyway. A commit that appends events wakes every relay of its schema through PostgreSQL LISTEN/NOTIFY, so this is only a safety net for a notification missed while a relay's listening session reconnects; a short interval costs every idle service a query per interval. The listening session needs a direct or session-pooled connection (a transaction-pooling PgBouncer loses LISTEN).",
  })
  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS: number = 2_000;

  @EnvVariable({
    description:
      "How often (ms, on average: each pause is this give or take a quarter, so services started together do not all do it at once) the service checks whether its own tables need vacuuming or new planner statistics, on a PostgreSQL server whose autovacuum is off (with it on, autovacuum does this and the check is skipped). A table is vacuumed or analysed once it passes autovacuum's own thresholds. 0 never checks.",
  })
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DATABASE_UPKEEP_INTERVAL_MS: number = 30_000;

  @EnvVariable({
    description:
      'Largest JSON or text request body, e.g. 1mb; larger requests get 413 (ingest reads documents up to INGEST_MAX_BODY, the console forwards uploads up to CONSOLE_UPLOAD_MAX_BODY).',
  })
  @Matches(/^\d+(kb|mb)$/i, { message: 'HTTP_MAX_BODY must be a size such as 512kb or 1mb' })
  HTTP_MAX_BODY: string = '1mb';

  @EnvVariable({
    description:
      'An API key with the admin role that every service accepts without it being in the key registry (setup and automation use it to create the first keys); at least 32 characters. Empty: none.',
    sensitive: true,
  })
  @IsOptional()
  @MinLength(32, { message: 'DEALWATCH_ADMIN_API_KEY must have at least 32 characters' })
  @Matches(/^\S+$/, { message: 'DEALWATCH_ADMIN_API_KEY must not contain white space' })
  DEALWATCH_ADMIN_API_KEY?: string;

  @EnvVariable({
    description:
      'PostgreSQL schema of the API key registry, which every service shares (a platform concern, no service owns it).',
  })
  @Matches(/^[a-z_][a-z0-9_]*$/)
  AUTH_DATABASE_SCHEMA: string = 'auth';

  @EnvVariable({
    description:
      'OIDC issuer whose bearer JWTs are accepted, exactly as their iss claim (e.g. https://login.example.com/realms/ops); empty: tokens are refused, API keys only.',
  })
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'AUTH_JWT_ISSUER must be an http(s) URL' },
  )
  AUTH_JWT_ISSUER?: string;

  @EnvVariable({
    description:
      "Audience (aud) of the issuer's tokens for DealWatch; required with AUTH_JWT_ISSUER.",
  })
  @ValidateIf((env: CommonEnv) => Boolean(env.AUTH_JWT_ISSUER))
  @IsString()
  @IsNotEmpty({ message: 'AUTH_JWT_AUDIENCE is required when AUTH_JWT_ISSUER is set' })
  AUTH_JWT_AUDIENCE?: string;

  @EnvVariable({
    description:
      "The issuer's JWKS; empty: the jwks_uri of <issuer>/.well-known/openid-configuration, else <issuer>/.well-known/jwks.json.",
  })
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'AUTH_JWKS_URL must be an http(s) URL' },
  )
  AUTH_JWKS_URL?: string;

  @EnvVariable({
    description:
      'Claim of a token that holds its roles, a string or a list (a dotted path reaches into objects, e.g. realm_access.roles); the highest of viewer, operator, admin wins, none is 403.',
  })
  @IsString()
  @IsNotEmpty()
  AUTH_JWT_ROLES_CLAIM: string = 'roles';

  @EnvVariable({
    description:
      'Requests a caller (an API key, or a token subject) may make per minute, counted in Redis across instances and services; more get 429 with Retry-After. 0 turns the limit off.',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  AUTH_RATE_LIMIT_PER_MINUTE: number = 600;

  @EnvVariable({
    description:
      'How long (ms) a rate-limit count may wait for Redis before the request goes through uncounted: a slow Redis must not become an outage.',
  })
  @IsInt()
  @Min(10)
  @Max(10_000)
  AUTH_RATE_LIMIT_REDIS_TIMEOUT_MS: number = 250;

  @EnvVariable({
    description:
      'Refused credentials one client address may present per minute before its requests get 429 (slows down key guessing). 0 turns it off.',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  AUTH_FAILED_ATTEMPTS_PER_MINUTE: number = 30;

  @EnvVariable({
    description: 'Name this instance reports in its logs (default: the process id).',
  })
  @IsString()
  @IsNotEmpty()
  INSTANCE_ID: string = `${process.pid}`;
}
