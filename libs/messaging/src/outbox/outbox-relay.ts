import { MAX_EVENT_VALUE_BYTES, isTopic } from '@dealwatch/contracts';
import { BatchLoop } from '@dealwatch/time';

import type { ClientBase, QueryResult } from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

import type { MessageSender } from '../kafka/idempotent-producer';
import type { TopicNaming } from '../kafka/topic-naming';
import { listenerConnectionConfig } from './listener-connection';
import { OutboxListener } from './outbox-listener';
import { sizeBoundedGroups } from './size-bounded-groups';

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
}

export interface OutboxRelayOptions {
  /**
   * How long the relay waits for a notification before it looks anyway: a safety net for a
   * notification lost while the listening session was away, not the way rows are normally found.
   */
  pollIntervalMs: number;
  batchSize?: number;
  /** Back-off after a failed publish (broker or database down). */
  errorBackoffMs?: number;
  /** The first pause before the listening session reconnects; it doubles up to 10 s. */
  reconnectBackoffMs?: number;
}

/**
 * Publishes committed outbox rows in order, a batch at a time (in as many produce requests as keep
 * each under the broker's size limit), and deletes them in the same transaction (which holds them
 * locked) once Kafka has acknowledged them. A crash between the two republishes the batch; the
 * idempotent producer and the consumers' inbox make that harmless. Rows locked by another relay
 * instance are skipped, not awaited. Every commit that appends events notifies the schema's outbox
 * channel, on which the relay keeps a session listening, so rows committed by any instance go out
 * at once. The poll is only a safety net.
 */
export class OutboxRelay {
  private running = false;
  /** A commit announced rows since the last look: no need to ask whether there are any. */
  private notified = false;
  private readonly loop: BatchLoop;
  private readonly listener: OutboxListener;
  private readonly batchSize: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: MessageSender,
    private readonly naming: TopicNaming,
    private readonly logger: Logger,
    options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1)
      throw new RangeError(`outbox batch size must be a positive integer, not ${this.batchSize}`);
    this.loop = new BatchLoop({
      turn: () => this.publishBatch(),
      batchSize: this.batchSize,
      idleMs: options.pollIntervalMs,
      errorBackoffMs: options.errorBackoffMs ?? 1_000,
      onError: (error) => {
        this.logger.error({ err: error }, 'outbox relay could not publish; will retry');
      },
    });
    this.listener = new OutboxListener(
      listenerConnectionConfig(dataSource),
      () => {
        this.notified = true;
        this.loop.wake();
      },
      logger,
      { reconnectBackoffMs: options.reconnectBackoffMs },
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop.start();
    this.listener.start();
  }

  /** Stops polling, then publishes what is left (bounded), so a clean shutdown strands nothing. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.listener.stop();
    await this.loop.stop();
    for (let round = 0; round < 20; round++) {
      const published = await this.publishBatch().catch((error: unknown) => {
        this.logger.warn(
          { err: error },
          'outbox flush on shutdown failed; rows stay for the next start',
        );
        return 0;
      });
      if (published === 0) break;
    }
  }

  /** Publishes up to one batch; returns how many events went out. */
  async publishBatch(): Promise<number> {
    // One round trip instead of a transaction's three when there is nothing to send: most polls.
    if (!this.notified) {
      const [waiting] = await this.dataSource.query<{ waiting: boolean }[]>(
        'SELECT EXISTS (SELECT 1 FROM outbox_messages) AS waiting',
      );
      if (!waiting?.waiting) return 0;
    }
    this.notified = false;
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as ClientBase;
    try {
      // The transaction opens with the locking read and closes with the delete, in one round trip
      // each: several statements in one simple query, so the values are written into the text.
      // Its commit need not wait for the disk: should the machine go down before the delete is on
      // it, the rows go out again, and the consumers' inbox drops the events it has applied.
      const [, , locked] = (await client.query(
        `BEGIN; SET LOCAL synchronous_commit TO off;
         SELECT seq, topic, message_key, headers, payload FROM outbox_messages
         ORDER BY seq LIMIT ${this.batchSize} FOR UPDATE SKIP LOCKED`,
      )) as unknown as [QueryResult, QueryResult, QueryResult<OutboxRow>];
      const rows = locked.rows;
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      // In order, one request after another, each small enough for any partition's share of it.
      for (const request of sizeBoundedGroups(rows, bytesOf, MAX_EVENT_VALUE_BYTES))
        await this.producer.sendBatch({ acks: -1, topicMessages: this.toTopicMessages(request) });
      await client.query(
        `DELETE FROM outbox_messages WHERE seq = ANY('{${rows.map(seqOf).join(',')}}'::bigint[]);
         COMMIT`,
      );
      return rows.length;
    } catch (error) {
      // A broken connection is dropped from the pool on its own error; this ends a live one's.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private toTopicMessages(rows: OutboxRow[]) {
    const byTopic = new Map<
      string,
      { key: string; value: string; headers: Record<string, string> }[]
    >();
    for (const row of rows) {
      if (!isTopic(row.topic))
        throw new Error(`outbox row ${row.seq} names unknown topic ${row.topic}`);
      const physical = this.naming.physical(row.topic);
      const messages = byTopic.get(physical) ?? [];
      messages.push({ key: row.message_key, value: row.payload, headers: row.headers });
      byTopic.set(physical, messages);
    }
    return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  }
}

/** What a row adds to a produce request, near enough: its value, key and headers. */
function bytesOf(row: OutboxRow): number {
  let bytes = Buffer.byteLength(row.payload) + Buffer.byteLength(row.message_key);
  for (const [name, value] of Object.entries(row.headers)) bytes += name.length + value.length;
  return bytes;
}

/** A row's sequence number, checked to be digits before it is written into a statement. */
function seqOf(row: OutboxRow): string {
  if (!/^\d+$/.test(row.seq)) throw new Error(`outbox row has a malformed seq: ${row.seq}`);
  return row.seq;
}
