import type { HttpOutcome } from '@dealwatch/alerting/domain';

import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';

export interface WebhookMessage {
  /** `webhook-id`: the same for every attempt, so receivers can drop a repeat. */
  id: string;
  /** The JSON body, exactly as signed. */
  body: string;
}

export interface WebhookClientOptions {
  /** `whsec_` + base64 key shared with receivers. */
  secret: string;
  timeoutMs: number;
  userAgent: string;
}

export interface SentWebhook {
  outcome: HttpOutcome;
  durationMs: number;
}

/** Enough of a refusal to explain it; the rest of the body is dropped. */
const MAX_BODY_BYTES = 1_024;

/**
 * Posts webhooks signed as Standard Webhooks prescribes (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`). It reports what happened and never throws for a failed delivery; judging the
 * outcome is the domain's job. Redirects are not followed: the signed alert goes where it was sent.
 */
export class WebhookClient {
  private readonly signer: Webhook;

  constructor(private readonly options: WebhookClientOptions) {
    this.signer = new Webhook(options.secret);
  }

  async post(url: string, message: WebhookMessage, timestamp: Date): Promise<SentWebhook> {
    const started = performance.now();
    const headers = {
      'content-type': 'application/json',
      'user-agent': this.options.userAgent,
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': this.signer.sign(message.id, timestamp, message.body),
    };
    const outcome = await this.send(url, headers, message.body);
    return { outcome, durationMs: Math.round(performance.now() - started) };
  }

  private async send(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<HttpOutcome> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal });
    } catch (error) {
      return this.failure(error);
    }
    return {
      kind: 'response',
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await readStart(response),
    };
  }

  private failure(error: unknown): HttpOutcome {
    const name = errorField(error, 'name');
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { kind: 'timeout', timeoutMs: this.options.timeoutMs };
    }
    return { kind: 'connection-error', message: describeConnectionError(error) };
  }
}

/** The first bytes of the answer; a slow or endless body is cut off rather than awaited. */
async function readStart(response: Response): Promise<string> {
  // Node's typings leave the chunk type open; undici streams bytes.
  const reader = (response.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // The status is what counts; a body cut short by the timeout still leaves it.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

/** fetch reports "fetch failed"; the cause says what really happened (ECONNREFUSED, ENOTFOUND…). */
function describeConnectionError(error: unknown): string {
  const cause: unknown = errorField(error, 'cause');
  const code = errorField(cause, 'code');
  const causeMessage = errorField(cause, 'message');
  if (code) return causeMessage ? `${code} (${causeMessage})` : code;
  return causeMessage ?? errorField(error, 'message') ?? String(error);
}

/**
 * Reads a field of a thrown value without `instanceof Error`, which fails for errors made in another
 * realm (fetch's own errors seen from a vm context, as under Jest).
 */
function errorField(error: unknown, field: 'name' | 'message' | 'code'): string | undefined;
function errorField(error: unknown, field: 'cause'): unknown;
function errorField(error: unknown, field: string): unknown {
  if (typeof error !== 'object' || error === null || !(field in error)) return undefined;
  const value: unknown = (error as Record<string, unknown>)[field];
  return field === 'cause' || typeof value === 'string' ? value : undefined;
}
