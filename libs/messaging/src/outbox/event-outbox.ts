import {
  CLOUD_EVENTS_SPEC_VERSION,
  CloudEventHeaders,
  EVENT_CONTENT_TYPE,
  maxEventValueBytes,
} from '@dealwatch/contracts';
import type { PayloadOf, Topic } from '@dealwatch/contracts';
import { timeOrderedUuid } from '@dealwatch/persistence';

import type { EntityManager } from 'typeorm';

import { OUTBOX_CHANNEL_SQL } from './outbox-channel';

export interface EventMetadata {
  /** The agreement the event is about: the Kafka key and the CloudEvents subject. */
  subject: string;
  correlationId?: string | null;
  causationId?: string | null;
  /** A deterministic id makes re-appending the same fact a no-op (ON CONFLICT DO NOTHING). */
  eventId?: string;
}

/** An event for `appendMany`; the payload type follows the topic. */
export type OutboxEvent = {
  [T in Topic]: { topic: T; payload: PayloadOf<T>; metadata: EventMetadata };
}[Topic];

interface OutboxRow {
  eventId: string;
  topic: string;
  messageKey: string;
  headers: Record<string, string>;
  payload: string;
}

/**
 * An event too large for its topic to take. Appending it would leave an outbox row the relay can
 * never publish, holding back every event after it; the caller's transaction fails instead.
 */
export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';

  constructor(
    readonly topic: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`a ${topic} event of ${bytes} bytes is over the ${limit}-byte limit`);
  }
}

/**
 * Writes events into the outbox inside the caller's transaction. The topic's payload type is checked
 * at compile time, so an event cannot be appended to the wrong topic.
 */
export class EventOutbox {
  constructor(
    private readonly source: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append<T extends Topic>(
    manager: EntityManager,
    topic: T,
    payload: PayloadOf<T>,
    metadata: EventMetadata,
  ): Promise<string> {
    const row = this.rowOf({ topic, payload, metadata } as OutboxEvent);
    await this.insert(manager, [row]);
    return row.eventId;
  }

  /** Several events in one statement, in this order; answers their ids. */
  async appendMany(manager: EntityManager, events: OutboxEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const rows = events.map((event) => this.rowOf(event));
    await this.insert(manager, rows);
    return rows.map((row) => row.eventId);
  }

  /**
   * Inserts the rows and, when at least one is new, announces them on the outbox channel in the same
   * statement, so waking every relay of this schema costs no extra round trip. PostgreSQL delivers
   * the notification at commit, and not at all if the transaction rolls back.
   */
  private async insert(manager: EntityManager, rows: OutboxRow[]) {
    // Columns as arrays, not a VALUES list per row count: one statement text, prepared once per
    // connection, whatever the number of events. Rows are inserted, and numbered, in array order.
    await manager.query(
      `WITH appended AS (
         INSERT INTO outbox_messages (event_id, topic, message_key, headers, payload)
         SELECT event_id, topic, message_key, headers, payload
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
                WITH ORDINALITY AS e (event_id, topic, message_key, headers, payload, position)
          ORDER BY position
         ON CONFLICT DO NOTHING
         RETURNING seq
       )
       SELECT pg_notify(${OUTBOX_CHANNEL_SQL}, '') WHERE EXISTS (SELECT 1 FROM appended)`,
      [
        rows.map((row) => row.eventId),
        rows.map((row) => row.topic),
        rows.map((row) => row.messageKey),
        rows.map((row) => JSON.stringify(row.headers)),
        rows.map((row) => row.payload),
      ],
    );
  }

  private rowOf({ topic, payload, metadata }: OutboxEvent): OutboxRow {
    const value = JSON.stringify(payload);
    const bytes = Buffer.byteLength(value);
    const limit = maxEventValueBytes(topic);
    if (bytes > limit) throw new EventTooLargeError(topic, bytes, limit);
    const eventId = metadata.eventId ?? timeOrderedUuid();
    const headers: Record<string, string> = {
      [CloudEventHeaders.specVersion]: CLOUD_EVENTS_SPEC_VERSION,
      [CloudEventHeaders.id]: eventId,
      [CloudEventHeaders.type]: topic,
      [CloudEventHeaders.source]: this.source,
      [CloudEventHeaders.time]: this.now().toISOString(),
      [CloudEventHeaders.subject]: metadata.subject,
      [CloudEventHeaders.correlationId]: metadata.correlationId ?? eventId,
      [CloudEventHeaders.contentType]: EVENT_CONTENT_TYPE,
    };
    if (metadata.causationId) headers[CloudEventHeaders.causationId] = metadata.causationId;
    return { eventId, topic, messageKey: metadata.subject, headers, payload: value };
  }
}
