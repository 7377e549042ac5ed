import { lookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';

import { OutboundAllowlist, isPublicAddress } from './outbound-allowlist';
import { OutboundRefusedError, ResponseTooLargeError } from './outbound-errors';

export interface OutboundRequest {
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
  maxBytes: number;
  /** 0 refuses to follow any redirect (webhooks: a signed body must not go elsewhere). */
  maxRedirects: number;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** After redirects. */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * An HTTP client that refuses non-public destinations (unless allow-listed). Names are checked when
 * the socket connects, on the addresses actually used, so a DNS answer that changes between a check
 * and the request (rebinding) cannot reach an internal address.
 */
export class OutboundHttp {
  private readonly agent: Agent;

  constructor(private readonly allowlist: OutboundAllowlist = OutboundAllowlist.empty) {
    this.agent = new Agent({ connect: { lookup: this.guardedLookup } });
  }

  async send(url: string, options: OutboundRequest): Promise<OutboundResponse> {
    let current = this.checkUrl(url);
    let method = options.method ?? 'GET';
    let body = options.body;
    for (let hop = 0; ; hop++) {
      const response = await this.once(current, { ...options, method, body });
      const location = response.headers['location'];
      if (!REDIRECTS.has(response.status) || !location || hop >= options.maxRedirects)
        return response;
      current = this.checkUrl(new URL(location, current).toString());
      if (response.status === 303) {
        method = 'GET';
        body = undefined;
      }
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** Refuses what can be refused before any network traffic: scheme, credentials, literal addresses. */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundRefusedError(`not a URL: ${raw.slice(0, 200)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new OutboundRefusedError(`only http and https are allowed, not ${url.protocol}`);
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.isAllowedAddress(host, host)) {
      throw new OutboundRefusedError(
        `${host} is not a public address and OUTBOUND_ALLOWLIST does not name it`,
      );
    }
    return url;
  }

  private async once(
    url: URL,
    options: OutboundRequest & { method: string },
  ): Promise<OutboundResponse> {
    const response = await request(url, {
      method: options.method as Dispatcher.HttpMethod,
      headers: options.headers,
      body: options.body,
      dispatcher: this.agent,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = await readCapped(response.body, options.maxBytes);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: response.statusCode, headers, body, url: url.toString() };
  }

  private isAllowedAddress(host: string, address: string): boolean {
    return (
      this.allowlist.allowsHost(host) ||
      this.allowlist.allowsAddress(address) ||
      isPublicAddress(address)
    );
  }

  private readonly guardedLookup = (
    hostname: string,
    options: object,
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, []);
        return;
      }
      const refused = addresses.find(({ address }) => !this.isAllowedAddress(hostname, address));
      if (refused) {
        callback(
          new OutboundRefusedError(
            `${hostname} resolves to ${refused.address}, which is not public, and OUTBOUND_ALLOWLIST does not name it`,
          ),
          [],
        );
        return;
      }
      const wantsAll = (options as { all?: boolean }).all === true;
      const first = addresses[0];
      if (wantsAll || !first) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

async function readCapped(stream: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) throw new ResponseTooLargeError(`response larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
