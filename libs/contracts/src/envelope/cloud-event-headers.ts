import { Topics } from '../topics';
import type { Topic } from '../topics';

/**
 * CloudEvents 1.0 in Kafka binary content mode: the attributes travel as `ce_` headers and the
 * record value is the JSON payload. Extension attribute names must be lower-case alphanumerics.
 */
export const CloudEventHeaders = {
  specVersion: 'ce_specversion',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  time: 'ce_time',
  subject: 'ce_subject',
  /** Extension: one id shared by every event that one inbound request or document caused. */
  correlationId: 'ce_correlationid',
  /** Extension: the id of the event that caused this one, if any. */
  causationId: 'ce_causationid',
  contentType: 'content-type',
} as const;

export const CLOUD_EVENTS_SPEC_VERSION = '1.0';
export const EVENT_CONTENT_TYPE = 'application/json';

/** Headers a dead-lettered message carries in addition to its original ones. */
export const DeadLetterHeaders = {
  error: 'dlq_error',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  consumerGroup: 'dlq_consumer_group',
  failedAt: 'dlq_failed_at',
  /** Set when the DLQ topic refused the value as too large: the original stays at its offset. */
  valueOmitted: 'dlq_value_omitted',
} as const;

/**
 * The largest event value (UTF-8 JSON) a DealWatch topic carries, but for the extractions'. Kafka's
 * default `max.message.bytes` is 1,048,588 for a whole record batch; this leaves room for the key,
 * the CloudEvents headers and the dead-letter headers, so a valid event always fits its DLQ too.
 */
export const MAX_EVENT_VALUE_BYTES = 1_000_000;

/**
 * The largest `dealwatch.clauses.extracted.v1` value. An extraction quotes every obligation with its
 * place, actors, action and deadline: 0.7 to 2.1 times the text on the corpus's agreements, 1.4
 * times on a megabyte of them, and an agreement's text may take a whole MAX_EVENT_VALUE_BYTES. Its
 * topic and DLQ are created with `max.message.bytes` to match (`topicMaxMessageBytes`).
 */
export const MAX_EXTRACTION_EVENT_VALUE_BYTES = 4_000_000;

/** What Kafka's default leaves beside an event's value for its key, headers and record batch. */
const RECORD_OVERHEAD_BYTES = 48_588;

/** The largest value an event of `topic` may have, in bytes of UTF-8 JSON. */
export function maxEventValueBytes(topic: Topic): number {
  return topic === Topics.ClausesExtractedV1
    ? MAX_EXTRACTION_EVENT_VALUE_BYTES
    : MAX_EVENT_VALUE_BYTES;
}

/**
 * The `max.message.bytes` that `topic` and its DLQ are created with, or null where the broker's
 * default (1,048,588) serves.
 */
export function topicMaxMessageBytes(topic: Topic): number | null {
  const limit = maxEventValueBytes(topic);
  return limit === MAX_EVENT_VALUE_BYTES ? null : limit + RECORD_OVERHEAD_BYTES;
}
