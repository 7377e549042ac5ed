import { CliError } from './cli-error';

/** A large PDF is converted while the request waits; anything slower than this is stuck. */
const TIMEOUT_MS = 60_000;

/**
 * Calls a DealWatch service. A service that is down or silent becomes one line naming it; an HTTP
 * error status is returned as is, since each command decides what it means (ingest reports it per
 * file and carries on).
 */
export async function call(
  service: string,
  url: string,
  init: RequestInit = {},
  env: Record<string, string | undefined> = process.env,
): Promise<Response> {
  const headers = new Headers(init.headers);
  // Authentication is being added to every endpoint; sending a key now is harmless before then.
  const apiKey = env.DEALWATCH_API_KEY;
  if (apiKey) headers.set('authorization', `Bearer ${apiKey}`);
  try {
    return await fetch(url, { ...init, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new CliError(`${service} at ${new URL(url).origin} ${whyUnreachable(error)}`);
  }
}

function whyUnreachable(error: unknown): string {
  // Duck-typed: fetch's errors may come from another realm (a test VM), where instanceof fails.
  const { name, message, cause } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (name === 'TimeoutError') return `did not answer within ${TIMEOUT_MS / 1000} s`;
  // fetch wraps the socket error: "fetch failed", cause { code: 'ECONNREFUSED' }.
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNREFUSED') return 'is not answering (connection refused); is it running?';
  if (typeof code === 'string') return `is not answering (${code})`;
  return `is not answering (${typeof message === 'string' ? message : String(error)})`;
}

/**
 * The one-line reason in an error response: RFC 9457 `detail`/`title`, Nest's `message` (a string
 * or a list of validation messages), or the start of a non-JSON body.
 */
export function errorMessageOf(status: number, body: string): string {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON: a proxy's HTML page or plain text.
  }
  if (typeof parsed === 'object' && parsed !== null) {
    const { detail, message, title } = parsed as Record<string, unknown>;
    for (const candidate of [detail, message, title]) {
      if (typeof candidate === 'string' && candidate.trim() !== '') return oneLine(candidate);
      if (Array.isArray(candidate) && candidate.length > 0) {
        return oneLine(candidate.map(String).join('; '));
      }
    }
  }
  const text = oneLine(body);
  return text === '' ? `HTTP ${status}` : text;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** The body of a successful response as JSON, or the service's reason as a CliError. */
export async function jsonOf(service: string, response: Response): Promise<unknown> {
  const body = await response.text();
  if (!response.ok) {
    throw new CliError(
      `${service}: HTTP ${response.status}: ${errorMessageOf(response.status, body)}`,
    );
  }
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new CliError(`${service}: HTTP ${response.status} with a body that is not JSON`);
  }
}
