const CENSOR = '********';

/** A logged request as pino's serializer writes it: the URL with its query, and the parsed query. */
export interface LoggedRequest {
  url?: string;
  query?: unknown;
  [field: string]: unknown;
}

/**
 * The logged request without the `sig` of a signed link: the signature is the link's credential,
 * and logs are read by more people than the links are meant for.
 */
export function withoutSignature(request: LoggedRequest): LoggedRequest {
  if (typeof request.url === 'string' && /[?&]sig=/.test(request.url)) {
    request.url = request.url.replace(/([?&]sig=)[^&#]*/g, `$1${CENSOR}`);
  }
  const query = request.query;
  if (query && typeof query === 'object' && 'sig' in query) {
    // A copy: the parsed query is the one the request handler reads.
    request.query = { ...query, sig: CENSOR };
  }
  return request;
}
