import { DeadLetterHeaders } from '@dealwatch/contracts';

import type { KafkaMessage } from 'kafkajs';
import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';

import { deadLetterMessage, isTooLargeForTopic, withoutValue } from './dead-letter';

const original: KafkaMessage = {
  key: Buffer.from('agreement-1'),
  value: Buffer.alloc(2_000_000, 'x'),
  headers: { ce_id: Buffer.from('event-1') },
  offset: '41',
  timestamp: '0',
  attributes: 0,
};

const context = {
  topic: 'dealwatch.agreement.ingested.v1',
  partition: 2,
  consumerGroup: 'clause-extraction',
  error: 'value is 2000000 bytes, over the 1000000-byte limit of an event',
  failedAt: new Date('2026-01-01T00:00:00Z'),
};

describe('dead letters', () => {
  it('keep the original key, value and headers with the reason and position', () => {
    const letter = deadLetterMessage(original, context);
    expect(letter).toMatchObject({
      key: original.key,
      value: original.value,
      headers: {
        ce_id: original.headers['ce_id'],
        [DeadLetterHeaders.error]: context.error,
        [DeadLetterHeaders.originalTopic]: context.topic,
        [DeadLetterHeaders.originalPartition]: '2',
        [DeadLetterHeaders.originalOffset]: '41',
      },
    });
  });

  it('without their value keep the reason and say how large the value was', () => {
    const letter = withoutValue(deadLetterMessage(original, context));
    expect(letter.value).toBeNull();
    expect(letter.headers).toMatchObject({
      [DeadLetterHeaders.error]: context.error,
      [DeadLetterHeaders.originalOffset]: '41',
      [DeadLetterHeaders.valueOmitted]: '2000000 bytes, larger than the dead-letter topic takes',
    });
  });

  it('recognise the broker refusing a record as too large, however kafkajs wraps it', () => {
    const refused = new KafkaJSProtocolError(
      Object.assign(new Error('The request included a message larger than the max message size'), {
        type: 'MESSAGE_TOO_LARGE',
        code: 10,
      }),
    );
    // What the producer's retrier throws for an error it will not retry.
    const bailedOut = Object.assign(new KafkaJSNonRetriableError(refused), { cause: refused });
    expect(isTooLargeForTopic(refused)).toBe(true);
    expect(isTooLargeForTopic(bailedOut)).toBe(true);
    expect(isTooLargeForTopic(new Error('Connection timeout'))).toBe(false);
    expect(isTooLargeForTopic(null)).toBe(false);
  });
});
