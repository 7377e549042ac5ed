import type { HttpOutcome } from '@dealwatch/alerting/domain';
import type { OutboundHttp } from '@dealwatch/outbound';

import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';

export interface WebhookMessage {
  /** `webhook-id`: the same for every attempt, so receivers can drop a repeat. */
  id: string;
  /** The JSON body, exactly as signed. */
  body: string;
}

export interface WebhookClientOptions {
  /** `whsec_` + base64 key shared with the receivers configured by the environment. */
  secret: string;
  timeoutMs: number;
  userAgent: string;
}

export interface SendOptions {
  /**
   * The receiver's own `whsec_` secret; `null` sends the body unsigned (chat webhooks, which have
   * their own token in the URL); absent signs with the service's default secret.
   */
  secret?: string | null;
}

export interface SentWebhook {
  outcome: HttpOutcome;
  durationMs: number;
}

/** Enough of a refusal to explain it; the rest of the body is dropped. */
const MAX_BODY_IN_OUTCOME = 1_024;
/** Larger answers are cut off as failures: a receiver has no reason to send more. */
const MAX_RESPONSE_BYTES = 64 * 1_024;

/**
 * Posts webhooks signed as Standard Webhooks prescribes (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), through the SSRF-guarded outbound client: a destination that is not public
 * (loopback, link-local, private) is refused unless OUTBOUND_ALLOWLIST names it, and is reported as
 * `refused` without any request. It reports what happened and never throws for a failed delivery;
 * judging the outcome is the domain's job. Redirects are not followed: the signed alert goes where
 * it was sent.
 */
export class WebhookClient {
  private readonly signers = new Map<string, Webhook>();

  constructor(
    private readonly options: WebhookClientOptions,
    private readonly http: OutboundHttp,
  ) {}

  async post(
    url: string,
    message: WebhookMessage,
    timestamp: Date,
    sendOptions: SendOptions = {},
  ): Promise<SentWebhook> {
    const started = performance.now();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': this.options.userAgent,
    };
    const secret = sendOptions.secret === undefined ? this.options.secret : sendOptions.secret;
    if (secret !== null) {
      headers['webhook-id'] = message.id;
      headers['webhook-timestamp'] = String(Math.floor(timestamp.getTime() / 1000));
      headers['webhook-signature'] = this.signerFor(secret).sign(
        message.id,
        timestamp,
        message.body,
      );
    }
    const outcome = await this.send(url, headers, message.body);
    return { outcome, durationMs: Math.round(performance.now() - started) };
  }

  private signerFor(secret: string): Webhook {
    let signer = this.signers.get(secret);
    if (!signer) {
      signer = new Webhook(secret);
      // Secrets are few (one per receiver); the cap only guards against unbounded growth.
      if (this.signers.size > 1_000) this.signers.clear();
      this.signers.set(secret, signer);
    }
    return signer;
  }

  private async send(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<HttpOutcome> {
    try {
      const response = await this.http.send(url, {
        method: 'POST',
        headers,
        body,
        timeoutMs: this.options.timeoutMs,
        maxBytes: MAX_RESPONSE_BYTES,
        maxRedirects: 0,
      });
      return {
        kind: 'response',
        status: response.status,
        retryAfter: response.headers['retry-after'] ?? null,
        body: response.body.subarray(0, MAX_BODY_IN_OUTCOME).toString('utf8'),
      };
    } catch (error) {
      return this.failure(error);
    }
  }

  private failure(error: unknown): HttpOutcome {
    const name = errorField(error, 'name');
    if (name === 'OutboundRefusedError') {
      return { kind: 'refused', reason: errorField(error, 'message') ?? 'destination refused' };
    }
    const code = errorField(error, 'code');
    if (
      name === 'TimeoutError' ||
      name === 'AbortError' ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT' ||
      code === 'UND_ERR_CONNECT_TIMEOUT'
    ) {
      return { kind: 'timeout', timeoutMs: this.options.timeoutMs };
    }
    return { kind: 'connection-error', message: describeConnectionError(error) };
  }
}

/** A socket error names its cause in `code` (ECONNREFUSED, ENOTFOUND…), sometimes one level down. */
function describeConnectionError(error: unknown): string {
  for (const candidate of [error, errorField(error, 'cause')]) {
    const code = errorField(candidate, 'code');
    const message = errorField(candidate, 'message');
    if (code) return message ? `${code} (${message})` : code;
  }
  return errorField(error, 'message') ?? String(error);
}

/**
 * Reads a field of a thrown value without `instanceof Error`, which fails for errors made in another
 * realm (errors seen from a vm context, as under Jest).
 */
function errorField(error: unknown, field: 'name' | 'message' | 'code'): string | undefined;
function errorField(error: unknown, field: 'cause'): unknown;
function errorField(error: unknown, field: string): unknown {
  if (typeof error !== 'object' || error === null || !(field in error)) return undefined;
  const value: unknown = (error as Record<string, unknown>)[field];
  return field === 'cause' || typeof value === 'string' ? value : undefined;
}
