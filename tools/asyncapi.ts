/**
 * Writes the AsyncAPI document of every DealWatch topic from the contracts library
 * (`npx tsx tools/asyncapi.ts > docs/asyncapi.json`). A test fails when the checked-in file drifts.
 */
import {
  CloudEventHeaders,
  MAX_EVENT_VALUE_BYTES,
  MAX_EXTRACTION_EVENT_VALUE_BYTES,
  Topics,
  deadLetterTopicOf,
  maxEventValueBytes,
  payloadClasses,
  topicMaxMessageBytes,
} from '@dealwatch/contracts';
import type { Topic } from '@dealwatch/contracts';

import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import 'reflect-metadata';

/** Our own class-validator decorators, as JSON Schema formats. */
const customFormats: ISchemaConverters = {
  isCalendarDate: { type: 'string', format: 'date', description: 'A calendar date YYYY-MM-DD' },
  isInstant: {
    type: 'string',
    format: 'date-time',
    description: 'An ISO 8601 instant with an offset',
  },
  isIsoDuration: {
    type: 'string',
    format: 'duration',
    description: 'An ISO 8601 duration such as P7D',
  },
};

const envelopeHeaders = {
  type: 'object',
  description: 'CloudEvents 1.0 attributes in Kafka headers (binary content mode).',
  required: [
    CloudEventHeaders.specVersion,
    CloudEventHeaders.id,
    CloudEventHeaders.type,
    CloudEventHeaders.source,
    CloudEventHeaders.time,
  ],
  properties: {
    [CloudEventHeaders.specVersion]: { type: 'string', const: '1.0' },
    [CloudEventHeaders.id]: {
      type: 'string',
      description: 'Unique per event; consumers de-duplicate on it.',
    },
    [CloudEventHeaders.type]: {
      type: 'string',
      description: 'Equals the topic name, version included.',
    },
    [CloudEventHeaders.source]: {
      type: 'string',
      description: 'The producing service, e.g. /dealwatch/ingest.',
    },
    [CloudEventHeaders.time]: { type: 'string', format: 'date-time' },
    [CloudEventHeaders.subject]: {
      type: 'string',
      description: 'The agreement id, also the record key.',
    },
    [CloudEventHeaders.correlationId]: {
      type: 'string',
      description: 'Shared by every event one request caused.',
    },
    [CloudEventHeaders.causationId]: {
      type: 'string',
      description: 'The id of the event that caused this one.',
    },
    [CloudEventHeaders.contentType]: { type: 'string', const: 'application/json' },
  },
};

export function renderAsyncApi(): string {
  const schemas = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: customFormats,
  });
  const topics = Object.entries(payloadClasses).sort(([a], [b]) => a.localeCompare(b));
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const [topic, payloadClass] of topics) {
    const name = payloadClass.name;
    messages[name] = {
      name,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/CloudEventHeaders' },
      payload: { $ref: `#/components/schemas/${name}` },
    };
    channels[topic] = {
      address: topic,
      description: `Keyed by agreement id. A value is at most ${maxEventValueBytes(topic as Topic)} bytes. Messages a consumer cannot process go to ${deadLetterTopicOf(topic)} with the reason in the dlq_error header (one the dead-letter topic refuses as too large goes without its value, dlq_value_omitted saying how large).`,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`receive${name}`] = { action: 'receive', channel: { $ref: `#/channels/${topic}` } };
  }
  const document = {
    asyncapi: '3.0.0',
    info: {
      title: 'DealWatch events',
      version: '1.0.0',
      description: `Every topic DealWatch publishes. A published payload never changes: a new shape is a new versioned topic. A message value is UTF-8 JSON of at most ${MAX_EVENT_VALUE_BYTES} bytes, but on ${Topics.ClausesExtractedV1} of at most ${MAX_EXTRACTION_EVENT_VALUE_BYTES} (an extraction quotes every obligation of a text that may itself be ${MAX_EVENT_VALUE_BYTES} bytes), whose topic and dead-letter topic are created with max.message.bytes ${topicMaxMessageBytes(Topics.ClausesExtractedV1)}.`,
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages, schemas: { CloudEventHeaders: envelopeHeaders, ...sortKeys(schemas) } },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

if (require.main === module) process.stdout.write(renderAsyncApi());
