import type { Topic } from '@dealwatch/contracts';
import { EventConsumer, IdempotentProducer, TopicNaming } from '@dealwatch/messaging';
import type { BatchEventHandler, EventHandler } from '@dealwatch/messaging';

import { Inject, Injectable } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';

import type { ServiceEnv, ServiceOptions } from './service-options';
import { ENV, KAFKA, LOGGER, PRODUCER, SERVICE_OPTIONS } from './tokens';

/**
 * Where a service's Kafka consumers register their handlers (in `onModuleInit`). The runtime starts
 * one consumer group per service, named after it, once every handler is known.
 */
@Injectable()
export class EventSubscriptions {
  private readonly consumer: EventConsumer;
  private started = false;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    dataSource: DataSource,
    @Inject(PRODUCER) producer: IdempotentProducer,
    naming: TopicNaming,
    @Inject(LOGGER) logger: Logger,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
    @Inject(ENV) env: ServiceEnv,
  ) {
    this.consumer = new EventConsumer(
      kafka,
      dataSource,
      producer,
      naming,
      logger.child({ component: 'consumer' }),
      {
        groupId: options.name,
        gatherMs: options.eventGatherMs,
        groupInstanceId: env.KAFKA_GROUP_INSTANCE_ID || undefined,
        afterCommit: () => {
          for (const listener of this.commitListeners) listener();
        },
      },
    );
  }

  private readonly commitListeners: (() => void)[] = [];

  on<T extends Topic>(topic: T, handler: EventHandler<T>): void {
    this.assertNotStarted(topic);
    this.consumer.on(topic, handler);
  }

  /** For a handler that applies a run of the topic's events (in order) with a statement per table. */
  onBatch<T extends Topic>(topic: T, handler: BatchEventHandler<T>): void {
    this.assertNotStarted(topic);
    this.consumer.onBatch(topic, handler);
  }

  private assertNotStarted(topic: Topic): void {
    if (this.started) throw new Error(`subscribe to ${topic} before the service starts`);
  }

  /** Every topic the service consumes, e.g. for a test to prove it covers them all. */
  get topics(): Topic[] {
    return this.consumer.topics;
  }

  /** Runs after every committed handler transaction, e.g. to wake a worker for the rows it wrote. */
  onCommitted(listener: () => void): void {
    this.commitListeners.push(listener);
  }

  /** Whether the service consumes at all (it has handlers and has started). */
  get consuming(): boolean {
    return this.started;
  }

  /** Why the consumer takes no events now, or null when it does. */
  get problem(): string | null {
    return this.consumer.problem;
  }

  async start(): Promise<void> {
    if (this.consumer.topics.length === 0) return;
    this.started = true;
    await this.consumer.start();
  }

  async stop(): Promise<void> {
    if (this.started) await this.consumer.stop();
  }
}
