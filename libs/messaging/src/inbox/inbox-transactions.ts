import type { Topic } from '@dealwatch/contracts';
import { isTransientError } from '@dealwatch/persistence';

import type { KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

import type { DecodedEvent } from '../kafka/decode-event';
import { EventTooLargeError } from '../outbox/event-outbox';
import { UnprocessableEventError } from './event-handler';
import type { BatchEventHandler } from './event-handler';

/** A message that decoded, with the handler it goes to and the way to its DLQ. */
export interface Applicable {
  message: KafkaMessage;
  event: DecodedEvent<Topic>;
  handler: BatchEventHandler<Topic>;
  /** The topic it was read from, as named on the broker. */
  physical: string;
  /** Sends the message, which can never be applied, to its DLQ with the reason. */
  deadLetter: (reason: string) => Promise<void>;
}

export interface InboxOptions {
  /** The consumer group whose `processed_events` rows say what it has applied. */
  groupId: string;
  /** Attempts for a handler failure that is not transient before the message is dead-lettered. */
  maxAttempts?: number;
  retryBackoffMs?: number;
  /** Called after each committed transaction, e.g. to wake a worker for the rows it wrote. */
  afterCommit?: () => void;
}

/**
 * Applies events exactly once per consumer group: each event's id goes into `processed_events` in
 * the handler's own transaction, so a redelivery finds it and changes nothing. A run of events is
 * applied in one transaction; if that fails for any reason but an outage, its events are applied one
 * by one, each retried a few times and then dead-lettered, so one bad event neither holds back nor
 * takes down the others. Outages are thrown to the caller: the message itself is fine.
 *
 * A run may hold several partitions' and topics' events: each topic's go to its handler in one
 * call, in the order they came, and the topics in the order they first came. Events of one key
 * share a partition, so their order holds; there is none to keep between partitions.
 */
export class InboxTransactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly options: InboxOptions,
  ) {}

  /** Applies a run of events in one transaction, or else one by one. */
  async applyRun(run: Applicable[]): Promise<void> {
    if (run.length > 1) {
      try {
        await this.applyTogether(run);
        return;
      } catch (error) {
        if (isTransientError(error)) throw error;
        this.logger.debug(
          {
            err: error,
            topics: [...new Set(run.map(({ physical }) => physical))],
            events: run.length,
          },
          'batch failed; applying its events one by one',
        );
      }
    }
    for (const applicable of run) await this.applyWithRetries(applicable);
  }

  private async applyTogether(run: Applicable[]): Promise<void> {
    const applied = await this.dataSource.transaction(async (manager) => {
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO processed_events (consumer_group, event_id, topic, processed_at)
         SELECT $1, event_id, topic, now() FROM unnest($2::text[], $3::text[]) AS e (event_id, topic)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [
          this.options.groupId,
          run.map(({ event }) => event.envelope.id),
          run.map(({ event }) => event.topic),
        ],
      );
      // Each new id once: a batch may hold the same event twice (a producer retry).
      const fresh = new Set(inserted.map((row) => row.event_id));
      const unapplied = run.filter(({ event }) => fresh.delete(event.envelope.id));
      for (const [handler, events] of byHandler(unapplied)) await handler(events, manager);
      return inserted.length;
    });
    if (applied > 0) this.options.afterCommit?.();
    if (applied < run.length)
      this.logger.debug({ skipped: run.length - applied }, 'duplicate events skipped');
  }

  private async applyWithRetries({
    event,
    handler,
    physical,
    deadLetter,
  }: Applicable): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(event, handler);
        return;
      } catch (error) {
        // Kafka redelivers from the last committed offset once the infrastructure is back.
        if (isTransientError(error)) throw error;
        if (error instanceof UnprocessableEventError) {
          await deadLetter(error.message);
          return;
        }
        // The same event makes the same too large an event every time: no attempt would do better.
        if (error instanceof EventTooLargeError) {
          await deadLetter(describe(error));
          return;
        }
        this.logger.warn(
          { err: error, topic: physical, eventId: event.envelope.id, attempt },
          'event handler failed',
        );
        if (attempt >= maxAttempts) {
          await deadLetter(`handler failed ${attempt} times: ${describe(error)}`);
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
        [this.options.groupId, event.envelope.id, event.topic],
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
}

/** Each handler's events, in their order; the handlers in the order of their first event. */
function byHandler(
  run: readonly Applicable[],
): Map<BatchEventHandler<Topic>, DecodedEvent<Topic>[]> {
  const grouped = new Map<BatchEventHandler<Topic>, DecodedEvent<Topic>[]>();
  for (const { handler, event } of run) {
    const events = grouped.get(handler);
    if (events) events.push(event);
    else grouped.set(handler, [event]);
  }
  return grouped;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** On the global timers, which the specs' fake timers drive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
