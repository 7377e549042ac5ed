import type { Topic } from '@dealwatch/contracts';

import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

import { deadLetterMessage, isTooLargeForTopic, withoutValue } from '../kafka/dead-letter';
import { decodeEvent } from '../kafka/decode-event';
import type { MessageSender } from '../kafka/idempotent-producer';
import { KAFKA_RETRY } from '../kafka/kafka-client';
import { joinAsInstance } from '../kafka/static-membership';
import type { TopicNaming } from '../kafka/topic-naming';
import type { BatchEventHandler, EventHandler } from './event-handler';
import { InboxTransactions } from './inbox-transactions';
import type { Applicable, InboxOptions } from './inbox-transactions';

export interface EventConsumerOptions extends Omit<InboxOptions, 'groupId'> {
  /** Logical group name; the naming's prefix is added. */
  groupId: string;
  /**
   * Events applied in one transaction at most: fewer commits, but the first event's effects wait
   * for the last's. By default 20, or 500 for a consumer that gathers (nobody waits on it).
   */
  maxEventsPerTransaction?: number;
  /**
   * How long the broker may hold a fetch to gather more events (default 0: each event as soon as
   * it is there). For consumers nobody waits on, such as a read model: one larger run costs one
   * transaction, one inbox statement per table and one commit where several small ones cost each.
   */
  gatherMs?: number;
  /**
   * This instance's identity in its consumer group (Kafka static membership): started again under
   * it, as after a kill, the consumer takes its old member's place at once instead of the group
   * waiting out that member's session. Unique per running instance: two live instances under one
   * identity fence each other out in turn.
   */
  groupInstanceId?: string;
}

/**
 * Offsets are committed at most this often, and this long after the last event at the latest.
 * kafkajs would commit after every fetched batch of every partition: at 25 agreements/s that was
 * over half of all requests to the broker. A redelivery after a crash is harmless (the inbox
 * skips what it has applied), so committing later costs at most that much work again.
 */
const OFFSET_COMMIT_INTERVAL_MS = 250;
const IDLE_FETCH_WAIT_MS = 500;
/** More than a gathering window fills at any rate measured: the window decides, not the size. */
const GATHER_MIN_BYTES = 4 * 1024 * 1024;
/**
 * A consumer kafkajs gave up on is run again after a pause that doubles up to this. An attempt
 * while the broker is away costs a few refused connections; a longer pause only delays recovery.
 */
const RESTART_BACKOFF_MS = 500;
const RESTART_BACKOFF_MAX_MS = 5_000;
/**
 * The broker's least. A member the broker lost touch with holds its group this long: a new member
 * joining in its place waits for it (a restarted consumer rejoins as the same member, so it does
 * not), and so does a group whose member's process died. A member sends its heartbeat every second,
 * also during long transactions.
 */
const SESSION_TIMEOUT_MS = 6_000;
/**
 * kafkajs hands each partition's batch of a fetch to a worker of its own, up to this many at once:
 * more than any consumer here is assigned, so that every batch of a fetch joins one round.
 */
const BATCHES_TAKEN_AT_ONCE = 64;
const DEFAULT_EVENTS_PER_TRANSACTION = 20;
const GATHERED_EVENTS_PER_TRANSACTION = 500;

/** An event of a round waiting to be applied, with the batch whose offset it resolves. */
interface PendingEvent {
  applicable: Applicable;
  batch: EachBatchPayload;
}

/** The batches of one fetch, applied together; each batch's handler waits for `applied`. */
interface FetchRound {
  batches: EachBatchPayload[];
  applied: Promise<void>;
}

/**
 * Consumes the topics its handlers are registered for and runs them exactly once per event id
 * (`InboxTransactions`). Invalid messages, handlers that keep failing and events a handler calls
 * unprocessable go to `<topic>.dlq` with the reason; infrastructure outages are retried without end
 * instead, since the message itself is fine.
 *
 * The batches of every partition that one fetch brings are applied as one round: their events in
 * one transaction (a commit and its flush per fetch, not per event or partition), each partition's
 * in order, so the order per key holds. A round ends before the next fetch is asked for.
 */
export class EventConsumer {
  private readonly handlers = new Map<Topic, BatchEventHandler<Topic>>();
  private consumer: Consumer | null = null;
  private stopping = false;
  /** The latest batch's handle on the consumer group, through which offsets are committed. */
  private latestBatch: EachBatchPayload | null = null;
  private trailingCommit: NodeJS.Timeout | null = null;
  private readonly inbox: InboxTransactions;
  /** The round that batches handed out now join; it is applied once they all have. */
  private round: FetchRound | null = null;
  /** Since when and why the consumer has been out of its group after a crash; null while in it. */
  private crash: { at: number; reason: string } | null = null;

  constructor(
    private readonly kafka: Kafka,
    dataSource: DataSource,
    private readonly deadLetterProducer: MessageSender,
    private readonly naming: TopicNaming,
    private readonly logger: Logger,
    private readonly options: EventConsumerOptions,
  ) {
    this.inbox = new InboxTransactions(dataSource, logger, { ...options, groupId: this.groupId });
  }

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
    this.consumer = this.createConsumer();
    await this.run(this.consumer);
  }

  private createConsumer(): Consumer {
    if (this.options.groupInstanceId) joinAsInstance(this.groupId, this.options.groupInstanceId);
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: 1_000,
      ...this.fetchWaiting(),
      retry: KAFKA_RETRY,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crash ??= { at: Date.now(), reason: payload.error.message };
      if (!payload.restart) void this.restartAfterCrash(consumer, payload.error);
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.crash = null;
      const { groupId, memberId, duration } = payload;
      this.logger.info({ groupId, memberId, durationMs: duration }, 'joined the consumer group');
    });
    return consumer;
  }

  private async run(consumer: Consumer): Promise<void> {
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: this.topics.map((topic) => this.naming.physical(topic)),
        fromBeginning: true,
      });
      await consumer.run({
        partitionsConsumedConcurrently: BATCHES_TAKEN_AT_ONCE,
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

  /** The broker answers a fetch once it has `minBytes`, or after `maxWaitTimeInMs` with what it has. */
  private fetchWaiting(): { minBytes: number; maxWaitTimeInMs: number } {
    const gatherMs = this.options.gatherMs ?? 0;
    // A fetch with nothing to return also waits this long: it bounds how long shutdown takes.
    if (gatherMs <= 0) return { minBytes: 1, maxWaitTimeInMs: IDLE_FETCH_WAIT_MS };
    return { minBytes: GATHER_MIN_BYTES, maxWaitTimeInMs: gatherMs };
  }

  /**
   * Why the consumer takes no events now, or null when it does. kafkajs rejoins the group after a
   * crash, or a new consumer does, which can take a while after the broker itself is back.
   */
  get problem(): string | null {
    if (!this.crash) return null;
    const seconds = ((Date.now() - this.crash.at) / 1000).toFixed(1);
    return `out of its consumer group since a crash ${seconds} s ago (${this.crash.reason}); rejoining`;
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
   * coordinator while the broker restarts; the events are still there, so the consumer is run
   * again, with a growing pause while the broker stays away. The same kafkajs consumer, not a new
   * one: it rejoins under its old member id (`rejoinAsSameMember`), which the broker may still hold.
   */
  private async restartAfterCrash(crashed: Consumer, error: Error): Promise<void> {
    this.logger.error(
      { err: error },
      'consumer crashed and will not restart itself; restarting it',
    );
    for (let attempt = 0; ; attempt++) {
      await delay(Math.min(RESTART_BACKOFF_MAX_MS, RESTART_BACKOFF_MS * 2 ** attempt));
      if (this.stopping || this.consumer !== crashed) return;
      try {
        await this.run(crashed);
        this.logger.info({ groupId: this.groupId }, 'consumer restarted after a crash');
        return;
      } catch (startError) {
        this.logger.warn({ err: startError }, 'could not restart the crashed consumer; will retry');
      }
    }
  }

  /**
   * Joins the batch to the round of its fetch. kafkajs hands out every batch of a fetch in one turn
   * of the event loop, so the round is applied on the next: a batch handed out later starts a round
   * of its own, which costs a transaction, never an event. A consumer's rounds never overlap, as
   * kafkajs fetches again only once every batch of the last fetch is done; a consumer restarted
   * after a crash does not wait on the round the crash interrupted.
   */
  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    if (!this.round) {
      const batches: EachBatchPayload[] = [];
      const applied = nextTurn().then(() => {
        this.round = null;
        return this.applyRound(batches);
      });
      this.round = { batches, applied };
    }
    this.round.batches.push(payload);
    await this.round.applied;
  }

  /**
   * Dead-letters what can never be applied, then applies the rest in transactions of at most the
   * limit, resolving each partition's offsets as far as each transaction reached. A message is
   * dead-lettered before any offset past it is resolved, so a crash cannot skip it.
   */
  private async applyRound(batches: EachBatchPayload[]): Promise<void> {
    const [first] = batches;
    if (!first) return;
    // A rebalance took the partition away, or a stop began: the batch is redelivered.
    const live = batches.filter((payload) => !stopped(payload));
    const pending: PendingEvent[] = [];
    for (const batch of live) {
      const { topic: physical, partition } = batch.batch;
      for (const message of batch.batch.messages) {
        const decoded = this.decode(physical, message);
        if (typeof decoded === 'string') {
          await this.deadLetter(physical, partition, message, decoded);
          continue;
        }
        const deadLetter = (reason: string) =>
          this.deadLetter(physical, partition, message, reason);
        pending.push({ applicable: { ...decoded, physical, deadLetter }, batch });
      }
    }
    // What was dead-lettered after a batch's last applied event is done with too.
    if (await this.applyInRuns(first, pending))
      for (const batch of live) {
        const last = batch.batch.messages.at(-1);
        if (last) batch.resolveOffset(last.offset);
      }
    if (first.isRunning()) await first.heartbeat();
    await this.commitOffsets(batches.at(-1) ?? first);
  }

  /**
   * Applies the events in transactions of at most the limit, resolving each batch's offset as far
   * as each reached; false if a stop cut it short.
   */
  private async applyInRuns(
    first: EachBatchPayload,
    pending: readonly PendingEvent[],
  ): Promise<boolean> {
    const limit = this.options.maxEventsPerTransaction ?? this.defaultEventsPerTransaction();
    for (let start = 0; start < pending.length; start += limit) {
      // A stop that begins meanwhile leaves the rest to be redelivered.
      if (!first.isRunning()) return false;
      const run = pending.slice(start, start + limit);
      await this.applyWithHeartbeats(
        first,
        run.map(({ applicable }) => applicable),
      );
      resolveLastOfEachBatch(run);
    }
    return true;
  }

  /** A long transaction must not cost the group membership (sessionTimeout) and a redelivery. */
  private async applyWithHeartbeats(payload: EachBatchPayload, run: Applicable[]): Promise<void> {
    const keepAlive = setInterval(() => void payload.heartbeat().catch(() => undefined), 1_000);
    try {
      await this.inbox.applyRun(run);
    } finally {
      clearInterval(keepAlive);
    }
  }

  private defaultEventsPerTransaction(): number {
    return (this.options.gatherMs ?? 0) > 0
      ? GATHERED_EVENTS_PER_TRANSACTION
      : DEFAULT_EVENTS_PER_TRANSACTION;
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
  private decode(
    physical: string,
    message: KafkaMessage,
  ): Pick<Applicable, 'message' | 'event' | 'handler'> | string {
    const topic = this.naming.logical(physical);
    const handler = topic ? this.handlers.get(topic) : undefined;
    if (!topic || !handler) return `no handler for topic ${physical}`;
    const decoded = decodeEvent(topic, message);
    if (!decoded.ok) return decoded.error;
    return { message, event: decoded.event, handler };
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

/**
 * Resolves each batch's offset up to its last event in the run, which holds each batch's events in
 * their order.
 */
function resolveLastOfEachBatch(run: readonly PendingEvent[]) {
  const lastOffsets = new Map<EachBatchPayload, string>();
  for (const { applicable, batch } of run) lastOffsets.set(batch, applicable.message.offset);
  for (const [batch, offset] of lastOffsets) batch.resolveOffset(offset);
}

/** After the events that are due now, the timers' and the sockets' callbacks among them. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A rebalance took the batch's partition away, or the consumer is stopping. */
function stopped(payload: EachBatchPayload): boolean {
  return !payload.isRunning() || payload.isStale();
}

/** On the global timers, which the specs' fake timers drive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
