import { Partitioners } from 'kafkajs';
import type {
  Kafka,
  Producer,
  ProducerBatch,
  ProducerConfig,
  ProducerRecord,
  RecordMetadata,
} from 'kafkajs';
import type { Logger } from 'pino';

/** What publishing needs of a producer: the relay and the dead-letter path send, nothing more. */
export type MessageSender = Pick<Producer, 'send' | 'sendBatch'>;

/** One request in flight keeps per-key order. */
export const IDEMPOTENT_PRODUCER_CONFIG: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
};

/**
 * The broker's answers that mean it will never again accept this producer id's next sequence
 * number: only a new producer id, whose sequences start at zero, gets messages through.
 */
const SEQUENCE_LOST = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_PRODUCER_ID_MAPPING',
]);

/**
 * A kafkajs idempotent producer that starts over under a new producer id when the broker and it
 * no longer agree on sequence numbers, and sends once more.
 *
 * kafkajs can fall out of step by itself: when one produce request writes some partitions and
 * fails others (a broker shutting down answers "not the leader" for some), it takes back the
 * sequence numbers of all of them. The next batch for a partition that was written reuses a number
 * the broker has seen with other messages, and the broker refuses that partition for good. A relay
 * retrying would then be stuck while the outbox grows. Sending again under a new id may repeat
 * events the broker had written; the consumers' inbox drops repeats.
 */
export class IdempotentProducer implements MessageSender {
  private current: Producer;
  /** One renewal at a time, however many sends meet the refusal at once. */
  private renewal: Promise<void> | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
  ) {
    this.current = this.create();
  }

  connect(): Promise<void> {
    return this.current.connect();
  }

  async disconnect(): Promise<void> {
    await this.renewal?.catch(() => undefined);
    await this.current.disconnect();
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    return this.withAgreedSequences((producer) => producer.send(record));
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    return this.withAgreedSequences((producer) => producer.sendBatch(batch));
  }

  private async withAgreedSequences<T>(sending: (producer: Producer) => Promise<T>): Promise<T> {
    const producer = this.current;
    try {
      return await sending(producer);
    } catch (error) {
      const refusal = sequenceRefusal(error);
      if (!refusal) throw error;
      await this.renew(producer, refusal);
      return sending(this.current);
    }
  }

  private renew(stale: Producer, refusal: string): Promise<void> {
    if (this.current !== stale) return this.renewal ?? Promise.resolve();
    this.renewal ??= this.replace(stale, refusal).finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  /** Connects a producer with a new id before it takes the stale one's place. */
  private async replace(stale: Producer, refusal: string): Promise<void> {
    this.logger.warn(
      { refusal },
      'the broker refused the producer sequence; starting a new producer id',
    );
    const fresh = this.create();
    try {
      await fresh.connect();
    } catch (error) {
      await fresh.disconnect().catch(() => undefined);
      throw error;
    }
    this.current = fresh;
    await stale.disconnect().catch(() => undefined);
  }

  private create(): Producer {
    return this.kafka.producer(IDEMPOTENT_PRODUCER_CONFIG);
  }
}

/** The refusal's error type, wherever kafkajs wrapped it; null for any other failure. */
function sequenceRefusal(error: unknown): string | null {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const type = (cause as { type?: unknown }).type;
    if (typeof type === 'string' && SEQUENCE_LOST.has(type)) return type;
  }
  return null;
}
