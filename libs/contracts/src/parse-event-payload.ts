import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ValidationError } from 'class-validator';

import { maxEventValueBytes } from './envelope/cloud-event-headers';
import { payloadClasses } from './event-map';
import type { PayloadOf } from './event-map';
import type { Topic } from './topics';
import { validationPlanOf } from './validation/validation-plan';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Built on first use, when every contract class has registered its decorators. */
const plans = new Map<Topic, ((json: object) => boolean) | null>();

function planFor(topic: Topic): ((json: object) => boolean) | null {
  let plan = plans.get(topic);
  if (plan === undefined) {
    plan = validationPlanOf(payloadClasses[topic]);
    plans.set(topic, plan);
  }
  return plan;
}

/**
 * Turns raw bytes from Kafka into a validated payload with the fields of `topic`'s class, or says
 * precisely what is wrong. Unknown extra fields are tolerated (a tolerant reader); missing or
 * ill-typed ones are not.
 * Bytes that are not UTF-8 are refused rather than read with replacement characters, and so is an
 * unpaired surrogate (a `\ud800` escape), which is no Unicode text either: PostgreSQL refuses it in
 * JSON, so a consumer would fail on it only once it came to store it. A value over the event size
 * limit is refused before it is parsed.
 */
export function parseEventPayload<T extends Topic>(
  topic: T,
  raw: Buffer | string | null,
): ParseResult<PayloadOf<T>> {
  if (raw === null || raw.length === 0) return { ok: false, error: 'message has no value' };
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const limit = maxEventValueBytes(topic);
  if (bytes.length > limit) {
    return {
      ok: false,
      error: `value is ${bytes.length} bytes, over the ${limit}-byte limit of an event`,
    };
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, error: 'value is not valid UTF-8' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `value is not JSON: ${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'value is not a JSON object' };
  }
  if (SURROGATE_ESCAPE.test(text) && !wellFormedThroughout(json)) {
    return { ok: false, error: 'value holds an unpaired surrogate (a \\udXXX escape)' };
  }
  // Nearly every event is valid: the plan accepts those on the JSON itself. class-validator judges
  // the rest, and says what is wrong.
  if (planFor(topic)?.(json)) return { ok: true, value: json as PayloadOf<T> };
  const payloadClass = payloadClasses[topic] as new () => PayloadOf<T>;
  const instance = plainToInstance(payloadClass, json);
  const errors = validateSync(instance, { forbidUnknownValues: true });
  if (errors.length > 0) return { ok: false, error: describeValidationErrors(errors) };
  return { ok: true, value: instance };
}

/** Only an escape can bring a surrogate into parsed JSON: UTF-8 has none. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Whether every string and key in the parsed JSON is well-formed; walks without recursion. */
function wellFormedThroughout(json: object): boolean {
  const pending: unknown[] = [json];
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    if (typeof value === 'string' && !value.isWellFormed()) return false;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (!key.isWellFormed()) return false;
      pending.push(child);
    }
  }
  return true;
}

/** One line per failed field, with its path: `obligations.0.span: span must contain ...`. */
export function describeValidationErrors(errors: ValidationError[], parentPath = ''): string {
  return errors
    .flatMap((error) => {
      const path = parentPath ? `${parentPath}.${error.property}` : error.property;
      const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
      const nested = error.children?.length ? [describeValidationErrors(error.children, path)] : [];
      return [...own, ...nested];
    })
    .join('; ');
}
