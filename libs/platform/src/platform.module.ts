import {
  ApiKeyRegistry,
  Authenticator,
  JwtVerifier,
  RateLimiter,
  openAuthDataSource,
} from '@dealwatch/auth';
import type { AuthenticatedRequest } from '@dealwatch/auth';
import {
  EventOutbox,
  IdempotentProducer,
  OutboxMessageEntity,
  OutboxRelay,
  ProcessedEventEntity,
  TopicNaming,
  createIdempotentProducer,
  createKafka,
} from '@dealwatch/messaging';
import {
  TableUpkeep,
  createRedisClient,
  createServiceDataSource,
  openServiceDataSource,
  reportConnectionErrors,
} from '@dealwatch/persistence';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

import { AuthGuard } from './auth';
import { systemClock } from './clock';
import type { Clock } from './clock';
import { EventSubscriptions } from './event-subscriptions';
import { HealthChecks } from './health/health-checks';
import { HealthController } from './health/health.controller';
import { createServiceLogger } from './logger';
import { ProblemDetailsFilter } from './problems';
import { withoutSignature } from './request-log';
import { ServiceLifecycle } from './service-lifecycle';
import type { ServiceEnv, ServiceOptions } from './service-options';
import {
  AUTH_DATA_SOURCE,
  CLOCK,
  ENV,
  KAFKA,
  LOGGER,
  PRODUCER,
  RATE_LIMITER,
  REDIS,
  SERVICE_OPTIONS,
} from './tokens';
import { Transactions } from './transactions';

/** The shared runtime of a DealWatch service; see the library README. */
@Module({})
export class PlatformModule {
  static forService<E extends ServiceEnv>(
    options: ServiceOptions<E>,
    overrides: { clock?: Clock } = {},
  ): DynamicModule {
    const { env, name } = options;
    const logger = createServiceLogger(name, env.LOG_LEVEL, env.INSTANCE_ID);
    // Rate limits are counted in Redis: a service that limits needs it even if nothing else does.
    const rateLimited =
      env.AUTH_RATE_LIMIT_PER_MINUTE > 0 || env.AUTH_FAILED_ATTEMPTS_PER_MINUTE > 0;
    const usesRedis = options.redis || rateLimited;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
            serializers: { req: withoutSignature },
            // Who made each request (never their credential, which the logger redacts).
            customProps: (request) => {
              const principal = (request as AuthenticatedRequest).principal;
              return principal
                ? { principal: { id: principal.id, name: principal.name, role: principal.role } }
                : {};
            },
          },
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_OPTIONS, useValue: options },
        { provide: ENV, useValue: env },
        { provide: LOGGER, useValue: logger },
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        { provide: TopicNaming, useValue: new TopicNaming(env.KAFKA_TOPIC_PREFIX) },
        {
          provide: DataSource,
          useFactory: () =>
            openServiceDataSource(
              createServiceDataSource({
                url: env.DATABASE_URL,
                schema: env.DATABASE_SCHEMA,
                entities: [OutboxMessageEntity, ProcessedEventEntity, ...asArray(options.entities)],
                migrations: options.migrations,
                applicationName: `dealwatch-${name}`,
              }),
            ),
        },
        {
          provide: KAFKA,
          useFactory: () =>
            createKafka({ brokers: env.KAFKA_BROKERS, clientId: `dealwatch-${name}`, logger }),
        },
        {
          provide: PRODUCER,
          inject: [KAFKA],
          useFactory: async (kafka: Kafka) => {
            const producer = createIdempotentProducer(kafka, logger);
            await producer.connect();
            return producer;
          },
        },
        {
          provide: EventOutbox,
          inject: [CLOCK],
          useFactory: (clock: Clock) => new EventOutbox(`/dealwatch/${name}`, () => clock.now()),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, PRODUCER, TopicNaming, LOGGER],
          useFactory: (
            dataSource: DataSource,
            producer: IdempotentProducer,
            naming: TopicNaming,
            log: Logger,
          ) =>
            new OutboxRelay(
              dataSource,
              producer,
              naming,
              log.child({ component: 'outbox-relay' }),
              {
                pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
              },
            ),
        },
        {
          provide: TableUpkeep,
          inject: [DataSource, LOGGER],
          useFactory: (dataSource: DataSource, log: Logger) =>
            new TableUpkeep(dataSource, log.child({ component: 'table-upkeep' }), {
              intervalMs: env.DATABASE_UPKEEP_INTERVAL_MS,
            }),
        },
        {
          provide: AUTH_DATA_SOURCE,
          useFactory: () =>
            openAuthDataSource({
              url: env.DATABASE_URL,
              schema: env.AUTH_DATABASE_SCHEMA,
              service: name,
            }),
        },
        {
          provide: ApiKeyRegistry,
          inject: [AUTH_DATA_SOURCE, CLOCK],
          useFactory: (dataSource: DataSource, clock: Clock) =>
            new ApiKeyRegistry(dataSource, () => clock.now()),
        },
        {
          provide: Authenticator,
          inject: [ApiKeyRegistry],
          useFactory: (registry: ApiKeyRegistry) =>
            new Authenticator(registry, {
              adminKey: env.DEALWATCH_ADMIN_API_KEY,
              jwt:
                env.AUTH_JWT_ISSUER && env.AUTH_JWT_AUDIENCE
                  ? new JwtVerifier({
                      issuer: env.AUTH_JWT_ISSUER,
                      audience: env.AUTH_JWT_AUDIENCE,
                      jwksUrl: env.AUTH_JWKS_URL,
                      rolesClaim: env.AUTH_JWT_ROLES_CLAIM,
                    })
                  : null,
            }),
        },
        {
          provide: RATE_LIMITER,
          inject: [REDIS],
          useFactory: (redis: Redis | null) => {
            if (!rateLimited || !redis) return null;
            let warnedAt = 0;
            const warn = (error: unknown) => {
              // One line a minute at most: every request would otherwise say it.
              if (Date.now() - warnedAt < 60_000) return;
              warnedAt = Date.now();
              logger.warn({ err: error }, 'rate limits are not enforced: Redis does not answer');
            };
            return new RateLimiter(
              redis,
              env.REDIS_KEY_PREFIX,
              warn,
              env.AUTH_RATE_LIMIT_REDIS_TIMEOUT_MS,
            );
          },
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        {
          provide: REDIS,
          useFactory: async () => {
            if (!usesRedis) return null;
            const redis = createRedisClient(env.REDIS_URL, `dealwatch-${name}`);
            reportConnectionErrors(redis, logger.child({ component: 'redis' }));
            await redis.connect();
            return redis;
          },
        },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        EventSubscriptions,
        HealthChecks,
        ServiceLifecycle,
        Transactions,
      ],
      exports: [
        ApiKeyRegistry,
        Authenticator,
        CLOCK,
        DataSource,
        ENV,
        EventOutbox,
        EventSubscriptions,
        KAFKA,
        LOGGER,
        PRODUCER,
        REDIS,
        SERVICE_OPTIONS,
        TopicNaming,
        Transactions,
      ],
    };
  }
}

function asArray<T>(list: T[] | Record<string, T>): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}
