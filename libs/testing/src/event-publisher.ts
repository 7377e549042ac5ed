import { CLOUD_EVENTS_SPEC_VERSION, CloudEventHeaders } from '@dealwatch/contracts';
import type { PayloadOf, Topic } from '@dealwatch/contracts';

import { Kafka, logLevel } from 'kafkajs';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * Publishes contract events straight onto a test run's topics, as an upstream service would, in
 * CloudEvents binary mode, so a service can be tested on its own.
 */
export class EventPublisher {
  private readonly producer: Producer;

  constructor(
    brokers: string[],
    private readonly topicPrefix: string,
  ) {
    this.producer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).producer();
  }

  async start(): Promise<this> {
    await this.producer.connect();
    return this;
  }

  async publish<T extends Topic>(
    topic: T,
    payload: PayloadOf<T>,
    options: { key: string; eventId?: string },
  ): Promise<string> {
    const eventId = options.eventId ?? randomUUID();
    await this.publishAll(topic, [{ payload, key: options.key, eventId }]);
    return eventId;
  }

  /** Sends the events in one request: those of one key reach a consumer in one fetched batch. */
  async publishAll<T extends Topic>(
    topic: T,
    events: { payload: PayloadOf<T>; key: string; eventId?: string }[],
  ): Promise<string[]> {
    const identified = events.map((event) => ({
      ...event,
      eventId: event.eventId ?? randomUUID(),
    }));
    await this.producer.send({
      topic: `${this.topicPrefix}${topic}`,
      messages: identified.map((event) => ({
        key: event.key,
        value: JSON.stringify(event.payload),
        headers: {
          [CloudEventHeaders.specVersion]: CLOUD_EVENTS_SPEC_VERSION,
          [CloudEventHeaders.id]: event.eventId,
          [CloudEventHeaders.type]: topic,
          [CloudEventHeaders.source]: '/dealwatch/test',
          [CloudEventHeaders.time]: new Date().toISOString(),
        },
      })),
    });
    return identified.map((event) => event.eventId);
  }

  /** Sends raw bytes and headers, for messages a well-behaved producer would never send. */
  async publishRaw(
    topic: string,
    message: { key: string; value: string | Buffer; headers?: Record<string, string> },
  ) {
    await this.producer.send({ topic: `${this.topicPrefix}${topic}`, messages: [message] });
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
  }
}
