import {
  CLOUD_EVENTS_SPEC_VERSION,
  CloudEventHeaders,
  parseEventPayload,
} from '@dealwatch/contracts';
import type { EventEnvelope, PayloadOf, Topic } from '@dealwatch/contracts';

import type { KafkaMessage } from 'kafkajs';

import { headerText } from './headers';

export interface DecodedEvent<T extends Topic> {
  topic: T;
  envelope: EventEnvelope;
  payload: PayloadOf<T>;
}

export type DecodeResult<T extends Topic> =
  { ok: true; event: DecodedEvent<T> } | { ok: false; error: string };

const REQUIRED_ATTRIBUTES = [
  CloudEventHeaders.specVersion,
  CloudEventHeaders.id,
  CloudEventHeaders.type,
  CloudEventHeaders.source,
  CloudEventHeaders.time,
] as const;

/** Reads the CloudEvents envelope from the headers and validates the payload against the contract. */
export function decodeEvent<T extends Topic>(topic: T, message: KafkaMessage): DecodeResult<T> {
  const missing = REQUIRED_ATTRIBUTES.filter((name) => !headerText(message.headers, name));
  if (missing.length > 0)
    return { ok: false, error: `missing CloudEvents headers: ${missing.join(', ')}` };

  const specVersion = headerText(message.headers, CloudEventHeaders.specVersion);
  if (specVersion !== CLOUD_EVENTS_SPEC_VERSION) {
    return {
      ok: false,
      error: `unsupported ce_specversion "${specVersion}", expected ${CLOUD_EVENTS_SPEC_VERSION}`,
    };
  }
  const type = headerText(message.headers, CloudEventHeaders.type);
  if (type !== topic) {
    return {
      ok: false,
      error: `unsupported ce_type "${type}" on topic ${topic} (expected "${topic}")`,
    };
  }
  const parsed = parseEventPayload(topic, message.value);
  if (!parsed.ok) return { ok: false, error: `invalid payload: ${parsed.error}` };

  const id = headerText(message.headers, CloudEventHeaders.id) ?? '';
  return {
    ok: true,
    event: {
      topic,
      payload: parsed.value,
      envelope: {
        id,
        type,
        source: headerText(message.headers, CloudEventHeaders.source) ?? '',
        time: headerText(message.headers, CloudEventHeaders.time) ?? '',
        subject:
          headerText(message.headers, CloudEventHeaders.subject) ?? message.key?.toString() ?? '',
        correlationId: headerText(message.headers, CloudEventHeaders.correlationId) ?? id,
        causationId: headerText(message.headers, CloudEventHeaders.causationId),
      },
    },
  };
}
