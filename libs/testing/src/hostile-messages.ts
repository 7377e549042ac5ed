import {
  CLOUD_EVENTS_SPEC_VERSION,
  CloudEventHeaders,
  DeadLetterHeaders,
  maxEventValueBytes,
} from '@dealwatch/contracts';
import type { PayloadOf, Topic } from '@dealwatch/contracts';

import fc from 'fast-check';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import type { Admin, Message, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

import { fuzzScale } from './fuzz-scale';
import { TopicRecorder } from './topic-recorder';
import type { RecordedMessage } from './topic-recorder';

/** A message a well-behaved producer never sends, and the reason its dead letter must carry. */
export interface HostileMessage {
  name: string;
  message: Message;
  reason: RegExp;
  /** False only where the DLQ topic cannot take the value: its dead letter says how large it was. */
  keepsValue: boolean;
}

/** What became of one hostile message: the reason its dead letter carries, if it has one. */
export interface DeadLetterOutcome {
  name: string;
  reason: string | undefined;
  valueKept: boolean;
  valueOmitted: string | undefined;
}

/** Room for the oversized message on the topic under test (the broker default is ~1 MB). */
const TOPIC_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

function headersOf(type: string): Record<string, string> {
  return {
    [CloudEventHeaders.specVersion]: CLOUD_EVENTS_SPEC_VERSION,
    [CloudEventHeaders.id]: randomUUID(),
    [CloudEventHeaders.type]: type,
    [CloudEventHeaders.source]: '/dealwatch/hostile',
    [CloudEventHeaders.time]: new Date().toISOString(),
  };
}

/**
 * The hostile messages for one topic, built around one valid payload of it: invalid UTF-8, JSON of
 * the wrong shape, the payload without its CloudEvents headers, the payload as a future version of
 * the event, and an oversized one (10 MB at full scale, else a megabyte over the topic's limit).
 * At full scale, random byte strings from fast-check come on top.
 */
export function hostileMessagesFor<T extends Topic>(
  topic: T,
  valid: PayloadOf<T>,
  scale = fuzzScale(),
): HostileMessage[] {
  const key = () => `hostile-${randomUUID()}`;
  const payload = JSON.stringify(valid);
  const fields = JSON.parse(payload) as Record<string, unknown>;
  // Over the topic's own limit (4 MB for extractions) by a megabyte, and 10 MB at full scale.
  const oversizedBytes = Math.max(
    scale > 1 ? 10 * 1024 * 1024 : 0,
    maxEventValueBytes(topic) + 1024 * 1024,
  );
  const messages: HostileMessage[] = [
    {
      name: 'garbage bytes (invalid UTF-8)',
      message: {
        key: key(),
        value: Buffer.from([
          0xff, 0xfe, 0x7b, 0xc3, 0x28, 0x22, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0x7d,
        ]),
        headers: headersOf(topic),
      },
      reason: /^invalid payload: value is not valid UTF-8$/,
      keepsValue: true,
    },
    {
      name: 'valid JSON of the wrong shape',
      message: {
        key: key(),
        value: JSON.stringify({ id: 42, items: 'none', nested: { deeper: [null, true] } }),
        headers: headersOf(topic),
      },
      // Names a field of the contract, not just "invalid".
      reason: new RegExp(`^invalid payload: .*\\b${Object.keys(fields)[0]}: `),
      keepsValue: true,
    },
    {
      name: 'a valid payload without CloudEvents headers',
      message: { key: key(), value: payload, headers: {} },
      reason: /^missing CloudEvents headers: ce_specversion, ce_id, ce_type, ce_source, ce_time$/,
      keepsValue: true,
    },
    {
      name: 'a future schema version (v2 type, a field v1 does not know)',
      message: {
        key: key(),
        value: JSON.stringify({ ...fields, schemaVersion: 2 }),
        headers: headersOf(topic.replace(/\.v1$/, '.v2')),
      },
      reason: new RegExp(`^unsupported ce_type "${escape(topic.replace(/\.v1$/, '.v2'))}"`),
      keepsValue: true,
    },
    {
      name: `a ${(oversizedBytes / 1_000_000).toFixed(1)} MB message`,
      message: {
        key: key(),
        value: JSON.stringify({ ...fields, padding: 'x'.repeat(oversizedBytes) }),
        headers: headersOf(topic),
      },
      reason: new RegExp(
        `^invalid payload: value is \\d+ bytes, over the ${maxEventValueBytes(topic)}-byte limit`,
      ),
      // The DLQ topic keeps the broker's default limit, as it would in production.
      keepsValue: false,
    },
  ];
  if (scale > 1) messages.push(...randomGarbage(topic, key, 10 * scale));
  return messages;
}

function randomGarbage(topic: Topic, key: () => string, count: number): HostileMessage[] {
  return fc
    .sample(fc.uint8Array({ minLength: 1, maxLength: 4_096 }), { numRuns: count, seed: 7 })
    .map((bytes, index) => ({
      name: `random bytes #${index + 1}`,
      message: { key: key(), value: Buffer.from(bytes), headers: headersOf(topic) },
      reason:
        /^invalid payload: (value is not valid UTF-8|value is not JSON|value is not a JSON object|.+: )/,
      keepsValue: true,
    }));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Puts hostile messages and then a valid one on a running service's input topic, all on one
 * partition so the valid one can only be handled once the consumer got past every bad one, and
 * records the topic's DLQ. The topic's `max.message.bytes` is raised first, so the oversized
 * message reaches the consumer (the broker would otherwise refuse it from the producer).
 */
export class HostileMessageProbe {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private recorder: TopicRecorder | null = null;

  constructor(
    private readonly brokers: string[],
    private readonly topicPrefix: string,
  ) {
    this.kafka = new Kafka({ brokers, clientId: 'hostile-probe', logLevel: logLevel.NOTHING });
    this.producer = this.kafka.producer();
    this.admin = this.kafka.admin();
  }

  async start(topics: Topic[]): Promise<this> {
    await Promise.all([this.producer.connect(), this.admin.connect()]);
    await this.admin.alterConfigs({
      validateOnly: false,
      resources: topics.map((topic) => ({
        type: ConfigResourceTypes.TOPIC,
        name: this.physical(topic),
        configEntries: [{ name: 'max.message.bytes', value: String(TOPIC_MAX_MESSAGE_BYTES) }],
      })),
    });
    this.recorder = await new TopicRecorder(this.brokers).start(
      topics.map((topic) => this.deadLetterTopic(topic)),
    );
    return this;
  }

  /** Sends the hostile messages, then the valid payload; returns the valid event's id. */
  async send<T extends Topic>(
    topic: T,
    hostile: HostileMessage[],
    valid: PayloadOf<T>,
    key: string,
  ): Promise<string> {
    const eventId = randomUUID();
    const validMessage = {
      key,
      value: JSON.stringify(valid),
      headers: { ...headersOf(topic), [CloudEventHeaders.id]: eventId },
    };
    for (const message of [...hostile.map((entry) => entry.message), validMessage]) {
      await this.producer.send({
        topic: this.physical(topic),
        acks: -1,
        messages: [{ ...message, partition: 0 }],
      });
    }
    return eventId;
  }

  /** What one consumer group's dead letters for `topic` say about each hostile message. */
  deadLetterOutcomes(
    topic: Topic,
    consumerGroup: string,
    hostile: HostileMessage[],
  ): DeadLetterOutcome[] {
    const letters = new Map<string, RecordedMessage>();
    for (const letter of this.recorder?.on(this.deadLetterTopic(topic)) ?? []) {
      if (letter.headers[DeadLetterHeaders.consumerGroup] === consumerGroup && letter.key)
        letters.set(letter.key, letter);
    }
    return hostile.map(({ name, message }) => {
      const letter = letters.get(String(message.key));
      return {
        name,
        reason: letter?.headers[DeadLetterHeaders.error],
        valueKept: letter !== undefined && letter.value !== null,
        valueOmitted: letter?.headers[DeadLetterHeaders.valueOmitted],
      };
    });
  }

  async stop(): Promise<void> {
    await this.recorder?.stop();
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private physical(topic: Topic): string {
    return `${this.topicPrefix}${topic}`;
  }

  private deadLetterTopic(topic: Topic): string {
    return `${this.physical(topic)}.dlq`;
  }
}

/**
 * What a hostile message's dead letter must say, for `toEqual` against `deadLetterOutcomes`: its
 * reason, its value kept, or, where the DLQ could not take it, how large it was.
 */
export function expectedDeadLetter({ name, reason, keepsValue }: HostileMessage): unknown {
  return {
    name,
    reason: expect.stringMatching(reason) as unknown,
    valueKept: keepsValue,
    valueOmitted: keepsValue
      ? undefined
      : (expect.stringMatching(/^\d+ bytes, larger than/) as unknown),
  };
}
