import type { Topic } from '@dealwatch/contracts';
import { isTransientError } from '@dealwatch/persistence';

import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';

import { deadLetterMessage, isTooLargeForTopic, withoutValue } from '../kafka/dead-letter';
import { decodeEvent } from '../kafka/decode-event';
import type { DecodedEvent } from '../kafka/decode-event';
import type { TopicNaming } from '../kafka/topic-naming';

export type EventHandler<T extends Topic> = (
  event: DecodedEvent<T>,
  manager: EntityManager,
) => Promise<void>;

/**
 * Applies consecutive events of one partition, in their order, in one transaction: a projection can
 * write them with a statement per table instead of a statement per event.
 */
export type BatchEventHandler<T extends Topic> = (
  events: DecodedEvent<T>[],
  manager: EntityManager,
) => Promise<void>;

/**
 * Thrown by a handler for an event that is well-formed but can never be applied (it names something
 * that does not exist, say): the event goes to the DLQ at once with this message, without retries.
 */
export class UnprocessableEventError extends Error {
  override readonly name = 'UnprocessableEventError';
}

export interface EventConsumerOptions {
  /** Logical group name; the naming's prefix is added. */
  groupId: string;
  /** Attempts for a handler failure that is not transient before the message is dead-lettered. */
  maxAttempts?: number;
  retryBackoffMs?: number;
  /** Called after each committed transaction, e.g. to wake a worker for the rows it wrote. */
  afterCommit?: () => void;
  /**
   * Events of one partition applied in one transaction at most (default 20): fewer commits, but the
   * first event's effects wait for the last's.
   */
  maxEventsPerTransaction?: number;
  /**
   * Partitions worked on at once, each in its own transaction (default 1). More is only safe for
   * handlers that never race across topics: a projection that joins two topics may miss the other's
   * row in an uncommitted transaction.
   */
  partitionsConsumedConcurrently?: number;
}

/**
 * Offsets are committed at most this often, and this long after the last event at the latest.
 * kafkajs would commit after every fetched batch of every partition: at 25 agreements/s that was
 * over half of all requests to the broker. A redelivery after a crash is harmless (the inbox
 * skips what it has applied), so committing later costs at most that much work again.
 */
const OFFSET_COMMIT_INTERVAL_MS = 250;
const RESTART_BACKOFF_MS = 500;
const RESTART_BACKOFF_MAX_MS = 30_000;

/** A message of a batch that decoded, with the handler it goes to. */
interface Applicable {
  message: KafkaMessage;
  event: DecodedEvent<Topic>;
  handler: BatchEventHandler<Topic>;
}

/**
 * Runs handlers exactly once per event id: the id goes into `processed_events` in the handler's own
 * transaction, so a redelivery finds it and changes nothing. Invalid messages, handlers that keep
 * failing and events a handler calls unprocessable go to `<topic>.dlq` with the reason;
 * infrastructure outages are retried without end instead, since the message itself is fine.
 *
 * The events of a fetched batch are applied in order in one transaction (a commit and its flush per
 * batch, not per event), one partition after another as before, so the order per key holds. When a
 * batch's transaction fails on one event, the batch is rolled back and applied again event by event,
 * so only the failing one is retried or dead-lettered.
 */
export class EventConsumer {
  private readonly handlers = new Map<Topic, BatchEventHandler<Topic>>();
  private consumer: Consumer | null = null;
  private stopping = false;
  /** The latest batch's handle on the consumer group, through which offsets are committed. */
  private latestBatch: EachBatchPayload | null = null;
  private trailingCommit: NodeJS.Timeout | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly deadLetterProducer: Producer,
    private readonly naming: TopicNaming,
    private readonly logger: Logger,
    private readonly options: EventConsumerOptions,
  ) {}

  on<T extends Topic>(topic: T, handler: EventHandler<T>): this {
    return this.onBatch(topic, async (events, manager) => {
      for (const event of events) await handler(event, manager);
    });
  }

  /** Like `on`, for a handler that takes a run of events at once (one or more, never none). */
  onBatch<T extends Topic>(topic: T, handler: BatchEventHandler<T>): this {
    if (this.handlers.has(topic)) throw new Error(`a handler for ${topic} is already registered`);
    this.handlers.set(topic, handler as unknown as BatchEventHandler<Topic>);
    return this;
  }

  /** The contract topics a handler is registered for. */
  get topics(): Topic[] {
    return [...this.handlers.keys()];
  }

  get groupId(): string {
    return this.naming.consumerGroup(this.options.groupId);
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.startConsumer();
  }

  private async startConsumer(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // Bounds how long a disconnect waits for an idle fetch, i.e. how long shutdown takes.
      maxWaitTimeInMs: 500,
      retry: { initialRetryTime: 300, retries: 10 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) void this.restartAfterCrash(consumer, payload.error);
    });
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: this.topics.map((topic) => this.naming.physical(topic)),
        fromBeginning: true,
      });
      await consumer.run({
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        autoCommit: false,
        autoCommitInterval: OFFSET_COMMIT_INTERVAL_MS,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.handleBatch(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /** Finishes the transaction in hand, commits offsets and leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.trailingCommit) clearTimeout(this.trailingCommit);
    this.trailingCommit = null;
    // A batch in hand commits its own offsets when it sees the stop; this covers the idle case.
    if (this.latestBatch) await this.commitResolved(this.latestBatch);
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  /**
   * kafkajs gives a consumer up for good after an error it deems final, such as finding no group
   * coordinator while the broker restarts; the events are still there, so a new consumer takes over,
   * with a growing pause while the broker stays away.
   */
  private async restartAfterCrash(crashed: Consumer, error: Error): Promise<void> {
    this.logger.error({ err: error }, 'consumer crashed and will not restart itself; replacing it');
    for (let attempt = 0; ; attempt++) {
      await delay(Math.min(RESTART_BACKOFF_MAX_MS, RESTART_BACKOFF_MS * 2 ** attempt));
      if (this.stopping || this.consumer !== crashed) return;
      try {
        await this.startConsumer();
        this.logger.info({ groupId: this.groupId }, 'consumer replaced after a crash');
        return;
      } catch (startError) {
        this.logger.warn({ err: startError }, 'could not replace the crashed consumer; will retry');
        this.consumer = crashed;
      }
    }
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const { topic: physical, partition } = batch;
    const stopped = () => !payload.isRunning() || payload.isStale();
    const limit = this.options.maxEventsPerTransaction ?? 20;
    let run: Applicable[] = [];
    const flush = async () => {
      const last = run.at(-1);
      if (!last) return;
      // A long transaction must not cost the group membership (sessionTimeout) and a redelivery.
      const keepAlive = setInterval(() => void payload.heartbeat().catch(() => undefined), 1_000);
      try {
        await this.applyRun(run, physical, partition);
      } finally {
        clearInterval(keepAlive);
      }
      payload.resolveOffset(last.message.offset);
      run = [];
      await payload.heartbeat();
    };
    for (const message of batch.messages) {
      // A rebalance took the partition away, or a stop began: the rest is redelivered.
      if (stopped()) break;
      const applicable = this.decode(physical, message);
      if (typeof applicable === 'string') {
        // Events before it are applied first, so the offsets resolved stay in order.
        await flush();
        await this.deadLetter(physical, partition, message, applicable);
        payload.resolveOffset(message.offset);
        continue;
      }
      run.push(applicable);
      if (run.length >= limit) await flush();
    }
    if (!stopped()) await flush();
    await this.commitOffsets(payload);
  }

  /** Every interval at most while events flow, and once more after the last of them. */
  private async commitOffsets(payload: EachBatchPayload): Promise<void> {
    this.latestBatch = payload;
    // A stop or rebalance began: what was applied is committed before the partitions are let go.
    if (!payload.isRunning() || payload.isStale()) return this.commitResolved(payload);
    try {
      await payload.commitOffsetsIfNecessary();
    } catch (error) {
      this.logger.debug({ err: error }, 'could not commit offsets; will try again');
    }
    this.trailingCommit ??= setTimeout(() => {
      this.trailingCommit = null;
      if (this.latestBatch) void this.commitResolved(this.latestBatch);
    }, OFFSET_COMMIT_INTERVAL_MS).unref();
  }

  private async commitResolved(payload: EachBatchPayload): Promise<void> {
    try {
      await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
    } catch (error) {
      // The group moved on (a rebalance, a stop): its new members start from the last commit.
      this.logger.debug({ err: error }, 'could not commit offsets');
    }
  }

  /** The message's event and handler, or why it can never be applied. */
  private decode(physical: string, message: KafkaMessage): Applicable | string {
    const topic = this.naming.logical(physical);
    const handler = topic ? this.handlers.get(topic) : undefined;
    if (!topic || !handler) return `no handler for topic ${physical}`;
    const decoded = decodeEvent(topic, message);
    if (!decoded.ok) return decoded.error;
    return { message, event: decoded.event, handler };
  }

  /**
   * Applies consecutive events of one partition in one transaction; if that fails for any reason but
   * an outage, applies them one by one instead, so one bad event neither holds back nor takes down
   * the others.
   */
  private async applyRun(run: Applicable[], physical: string, partition: number): Promise<void> {
    if (run.length > 1) {
      try {
        await this.applyTogether(run);
        return;
      } catch (error) {
        if (isTransientError(error)) throw error;
        this.logger.debug(
          { err: error, topic: physical, events: run.length },
          'batch failed; applying its events one by one',
        );
      }
    }
    for (const { event, handler, message } of run)
      await this.applyWithRetries(event, handler, physical, partition, message);
  }

  private async applyTogether(run: Applicable[]): Promise<void> {
    const applied = await this.dataSource.transaction(async (manager) => {
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO processed_events (consumer_group, event_id, topic, processed_at)
         SELECT $1, event_id, topic, now() FROM unnest($2::text[], $3::text[]) AS e (event_id, topic)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [
          this.groupId,
          run.map(({ event }) => event.envelope.id),
          run.map(({ event }) => event.topic),
        ],
      );
      // Each new id once: a batch may hold the same event twice (a producer retry).
      const fresh = new Set(inserted.map((row) => row.event_id));
      const unapplied = run.filter(({ event }) => fresh.delete(event.envelope.id));
      // A run is one partition's, so one topic's: one handler takes it all.
      const [first] = unapplied;
      if (first)
        await first.handler(
          unapplied.map(({ event }) => event),
          manager,
        );
      return inserted.length;
    });
    if (applied > 0) this.options.afterCommit?.();
    if (applied < run.length)
      this.logger.debug({ skipped: run.length - applied }, 'duplicate events skipped');
  }

  private async applyWithRetries(
    event: DecodedEvent<Topic>,
    handler: BatchEventHandler<Topic>,
    physical: string,
    partition: number,
    message: KafkaMessage,
  ): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(event, handler);
        return;
      } catch (error) {
        // Kafka redelivers from the last committed offset once the infrastructure is back.
        if (isTransientError(error)) throw error;
        if (error instanceof UnprocessableEventError) {
          await this.deadLetter(physical, partition, message, error.message);
          return;
        }
        this.logger.warn(
          { err: error, topic: physical, eventId: event.envelope.id, attempt },
          'event handler failed',
        );
        if (attempt >= maxAttempts) {
          await this.deadLetter(
            physical,
            partition,
            message,
            `handler failed ${attempt} times: ${describe(error)}`,
          );
          return;
        }
        await delay((this.options.retryBackoffMs ?? 200) * 2 ** (attempt - 1));
      }
    }
  }

  private async applyOnce(
    event: DecodedEvent<Topic>,
    handler: BatchEventHandler<Topic>,
  ): Promise<void> {
    const applied = await this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO processed_events (consumer_group, event_id, topic, processed_at)
         VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.groupId, event.envelope.id, event.topic],
      );
      if (inserted.length === 0) return false;
      await handler([event], manager);
      return true;
    });
    if (applied) this.options.afterCommit?.();
    else
      this.logger.debug(
        { eventId: event.envelope.id, topic: event.topic },
        'duplicate event skipped',
      );
  }

  private async deadLetter(
    physical: string,
    partition: number,
    message: KafkaMessage,
    error: string,
  ): Promise<void> {
    this.logger.warn(
      { topic: physical, partition, offset: message.offset, reason: error },
      'message dead-lettered',
    );
    const deadLetter = deadLetterMessage(message, {
      topic: physical,
      partition,
      consumerGroup: this.groupId,
      error,
      failedAt: new Date(),
    });
    const topic = `${physical}.dlq`;
    try {
      await this.deadLetterProducer.send({ topic, acks: -1, messages: [deadLetter] });
    } catch (sendError) {
      // Rethrowing would redeliver the message for ever; the reason must get through instead.
      if (!isTooLargeForTopic(sendError)) throw sendError;
      await this.deadLetterProducer.send({ topic, acks: -1, messages: [withoutValue(deadLetter)] });
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
