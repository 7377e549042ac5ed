import type { Topic } from '@dealwatch/contracts';
import { isTransientError } from '@dealwatch/persistence';

import type { KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

import type { DecodedEvent } from '../kafka/decode-event';
import { UnprocessableEventError } from './event-handler';
import type { BatchEventHandler } from './event-handler';

/** A message of a batch that decoded, with the handler it goes to. */
export interface Applicable {
  message: KafkaMessage;
  event: DecodedEvent<Topic>;
  handler: BatchEventHandler<Topic>;
}

/** Sends a message that can never be applied to its DLQ with the reason. */
export type DeadLetter = (message: KafkaMessage, reason: string) => Promise<void>;

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
 */
export class InboxTransactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly options: InboxOptions,
  ) {}

  /** Applies consecutive events of one partition, in one transaction or else one by one. */
  async applyRun(run: Applicable[], physical: string, deadLetter: DeadLetter): Promise<void> {
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
      await this.applyWithRetries(event, handler, physical, (reason) =>
        deadLetter(message, reason),
      );
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
    deadLetter: (reason: string) => Promise<void>,
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
          await deadLetter(error.message);
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

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** On the global timers, which the specs' fake timers drive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
