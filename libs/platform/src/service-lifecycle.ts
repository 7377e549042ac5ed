import { IdempotentProducer, OutboxRelay, TopicNaming, ensureTopics } from '@dealwatch/messaging';
import { TableUpkeep } from '@dealwatch/persistence';

import { Inject, Injectable } from '@nestjs/common';
import type {
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';

import { EventSubscriptions } from './event-subscriptions';
import { AUTH_DATA_SOURCE, KAFKA, LOGGER, PRODUCER, REDIS } from './tokens';

/**
 * Starts the messaging side once the app is wired, and on shutdown stops it in the only safe order:
 * stop consuming, flush the outbox, disconnect from Kafka and Redis, then close PostgreSQL.
 * Services stop their own workers in `onModuleDestroy`, which Nest runs before these hooks.
 */
@Injectable()
export class ServiceLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PRODUCER) private readonly producer: IdempotentProducer,
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly naming: TopicNaming,
    private readonly relay: OutboxRelay,
    private readonly tableUpkeep: TableUpkeep,
    private readonly subscriptions: EventSubscriptions,
    private readonly dataSource: DataSource,
    @Inject(AUTH_DATA_SOURCE) private readonly authDataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, this.naming);
    } finally {
      await admin.disconnect();
    }
    this.relay.start();
    this.tableUpkeep.start();
    await this.subscriptions.start();
    this.logger.info('messaging started');
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'shutting down: stop consuming, flush outbox, close connections');
    await this.subscriptions.stop();
    await this.relay.stop();
    await this.tableUpkeep.stop();
    await this.producer.disconnect();
    if (this.redis) await this.redis.quit().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    if (this.authDataSource.isInitialized) await this.authDataSource.destroy();
    this.logger.info('stopped');
  }
}
