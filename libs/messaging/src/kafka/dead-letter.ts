import { DeadLetterHeaders } from '@dealwatch/contracts';

import type { KafkaMessage, Message } from 'kafkajs';

export interface DeadLetterContext {
  topic: string;
  partition: number;
  consumerGroup: string;
  error: string;
  failedAt: Date;
}

const MAX_ERROR_LENGTH = 2_000;

/** The original key, value and headers, plus why and where it failed. */
export function deadLetterMessage(message: KafkaMessage, context: DeadLetterContext): Message {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DeadLetterHeaders.error]: context.error.slice(0, MAX_ERROR_LENGTH),
      [DeadLetterHeaders.originalTopic]: context.topic,
      [DeadLetterHeaders.originalPartition]: String(context.partition),
      [DeadLetterHeaders.originalOffset]: message.offset,
      [DeadLetterHeaders.consumerGroup]: context.consumerGroup,
      [DeadLetterHeaders.failedAt]: context.failedAt.toISOString(),
    },
  };
}

/**
 * The same dead letter without its value, for a value the DLQ topic refuses as too large: the
 * reason and the original's position survive, and the original stays readable at that offset.
 */
export function withoutValue(deadLetter: Message): Message {
  const size = deadLetter.value === null ? 0 : Buffer.byteLength(deadLetter.value);
  return {
    ...deadLetter,
    value: null,
    headers: {
      ...deadLetter.headers,
      [DeadLetterHeaders.valueOmitted]: `${size} bytes, larger than the dead-letter topic takes`,
    },
  };
}

const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/** The broker refused a record as too large; kafkajs wraps that protocol error in causes. */
export function isTooLargeForTopic(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { type, cause, errors } = error as { type?: unknown; cause?: unknown; errors?: unknown };
  if (typeof type === 'string' && TOO_LARGE.has(type)) return true;
  const nested: unknown[] = Array.isArray(errors) ? errors : [];
  return [cause, ...nested].some((inner) => isTooLargeForTopic(inner, depth + 1));
}
