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
