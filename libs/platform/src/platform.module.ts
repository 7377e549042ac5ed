import {
  EventOutbox,
  OutboxMessageEntity,
  OutboxRelay,
  ProcessedEventEntity,
  TopicNaming,
  createIdempotentProducer,
  createKafka,
} from '@dealwatch/messaging';
import {
  createRedisClient,
  createServiceDataSource,
  openServiceDataSource,
} from '@dealwatch/persistence';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Kafka, Producer } from 'kafkajs';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

import { systemClock } from './clock';
import type { Clock } from './clock';
import { EventSubscriptions } from './event-subscriptions';
import { HealthChecks } from './health/health-checks';
import { HealthController } from './health/health.controller';
import { createServiceLogger } from './logger';
import { ProblemDetailsFilter } from './problems';
import { ServiceLifecycle } from './service-lifecycle';
import type { ServiceEnv, ServiceOptions } from './service-options';
import { CLOCK, ENV, KAFKA, LOGGER, PRODUCER, REDIS, SERVICE_OPTIONS } from './tokens';
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
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
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
            const producer = createIdempotentProducer(kafka);
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
            producer: Producer,
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
          provide: REDIS,
          useFactory: async () => {
            if (!options.redis) return null;
            const redis = createRedisClient(env.REDIS_URL, `dealwatch-${name}`);
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
