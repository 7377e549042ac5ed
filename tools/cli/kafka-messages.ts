import { CloudEventHeaders, DeadLetterHeaders } from '@dealwatch/contracts';

import type { IHeaders } from 'kafkajs';

import { CliError } from './cli-error';
import { truncate } from './table';

/** The parts of a record `tail` prints; kafkajs's KafkaMessage has this shape. */
export interface RecordView {
  /** Milliseconds since the epoch, as decimal text. */
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: IHeaders;
}

const SUMMARY_FIELDS = 5;
const SUMMARY_WIDTH = 160;
const VALUE_WIDTH = 40;

/** A header as text: kafkajs gives Buffers, and a header may repeat. */
export function headerText(headers: IHeaders | undefined, name: string): string | null {
  const value = headers?.[name];
  if (value === undefined) return null;
  const last = Array.isArray(value) ? value.at(-1) : value;
  return last === undefined ? null : last.toString();
}

/** `time  key  ce_type  ce_id  summary`, `-` for what a record lacks. */
export function messageLine(record: RecordView): string {
  const millis = Number(record.timestamp);
  const time = Number.isFinite(millis) ? new Date(millis).toISOString() : record.timestamp;
  const key = record.key?.toString() ?? null;
  const failure = headerText(record.headers, DeadLetterHeaders.error);
  const id = headerText(record.headers, CloudEventHeaders.id);
  const summary = payloadSummary(record.value, [key, id]);
  return [
    time,
    key ?? '-',
    headerText(record.headers, CloudEventHeaders.type) ?? '-',
    id ?? '-',
    // A dead-lettered message is read for why it failed; that goes first.
    failure === null ? summary : `dlq_error=${JSON.stringify(truncate(failure, 120))} ${summary}`,
  ].join('  ');
}

/**
 * A few fields of the payload as `name=value`: scalars in the payload's own order (the contract
 * classes put identity and title first), lists as their length, nested objects elided, and values
 * the line already shows (the key, the event id) skipped.
 */
export function payloadSummary(
  value: Buffer | null,
  shown: readonly (string | null)[] = [],
): string {
  if (value === null) return '(no value)';
  const text = value.toString('utf8');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return text.includes('\u0000') || text.includes('\ufffd')
      ? `(${value.length} bytes, not text)`
      : truncate(text.replace(/\s+/g, ' ').trim(), SUMMARY_WIDTH);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return truncate(JSON.stringify(payload), SUMMARY_WIDTH);
  }
  const parts: string[] = [];
  for (const [name, field] of Object.entries(payload as Record<string, unknown>)) {
    if (parts.length === SUMMARY_FIELDS) break;
    if (field === null || field === undefined || shown.includes(field as string)) continue;
    parts.push(`${name}=${fieldText(field)}`);
  }
  return truncate(parts.join(' '), SUMMARY_WIDTH);
}

function fieldText(field: unknown): string {
  if (typeof field === 'string') return JSON.stringify(truncate(field, VALUE_WIDTH));
  if (typeof field === 'number' || typeof field === 'boolean') return String(field);
  if (Array.isArray(field)) return `[${field.length}]`;
  return '{…}';
}

/** Offsets of one partition: the low and high watermarks the broker reports. */
export interface PartitionOffsets {
  partition: number;
  low: string;
  high: string;
}

/** Records `[start, end)` of one partition to republish. */
export interface ReplayRange {
  partition: number;
  start: string;
  end: string;
}

/**
 * What `replay` copies: from `fromOffset` (or the oldest record still kept, if retention deleted
 * earlier ones) up to the high watermark as it is now, so records arriving meanwhile (even ones the
 * replay itself causes) are left alone and the command ends. Without `partition`, every partition.
 */
export function replayRanges(
  offsets: readonly PartitionOffsets[],
  fromOffset: string,
  partition: number | null,
): ReplayRange[] {
  const chosen =
    partition === null ? offsets : offsets.filter((entry) => entry.partition === partition);
  if (partition !== null && chosen.length === 0) {
    throw new CliError(
      `no partition ${partition}: the topic has partitions ${offsets.map((entry) => entry.partition).join(', ')}`,
    );
  }
  return chosen
    .map((entry) => {
      const start = BigInt(fromOffset) > BigInt(entry.low) ? fromOffset : entry.low;
      return { partition: entry.partition, start, end: entry.high };
    })
    .filter((range) => BigInt(range.start) < BigInt(range.end))
    .sort((a, b) => a.partition - b.partition);
}

/**
 * The headers a replayed record carries: its own, without the dead-letter ones. A replay is a fresh
 * attempt, and if it fails again the consumer records a new reason; the CloudEvents id stays, so a
 * consumer that did handle the event drops the copy.
 */
export function replayHeaders(headers: IHeaders | undefined): IHeaders {
  const deadLetterNames = new Set<string>(Object.values(DeadLetterHeaders));
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => !deadLetterNames.has(name)),
  );
}
