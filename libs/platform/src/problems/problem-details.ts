import { STATUS_CODES } from 'node:http';

/** One field a request got wrong: its dotted path (`deadline.dueDate`, `reminders[2]`) and why. */
export interface FieldError {
  /** Dotted path into the body or query; empty when the problem is with the request as a whole. */
  field: string;
  message: string;
}

/** An RFC 9457 problem details object, as every service answers its errors. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The path of the request that failed. */
  instance?: string;
  /** Validation problems only: every field that is wrong. */
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const BASE = 'https://dealwatch.dev/problems';

/** Stable problem type URIs; a client may switch on them. `about:blank` means "see the status". */
export const ProblemTypes = {
  validation: `${BASE}/validation`,
  malformedBody: `${BASE}/malformed-body`,
  payloadTooLarge: `${BASE}/payload-too-large`,
  unauthenticated: `${BASE}/unauthenticated`,
  forbidden: `${BASE}/forbidden`,
  rateLimited: `${BASE}/rate-limited`,
  blank: 'about:blank',
} as const;

const TITLES: Record<string, string> = {
  [ProblemTypes.validation]: 'Invalid request',
  [ProblemTypes.malformedBody]: 'Malformed request body',
  [ProblemTypes.payloadTooLarge]: 'Request body too large',
  [ProblemTypes.unauthenticated]: 'Authentication required',
  [ProblemTypes.forbidden]: 'Forbidden',
  [ProblemTypes.rateLimited]: 'Too many requests',
};

/** Statuses that mean one thing here, whoever raised them, get their own type. */
const TYPE_BY_STATUS: Record<number, string> = {
  401: ProblemTypes.unauthenticated,
  403: ProblemTypes.forbidden,
  413: ProblemTypes.payloadTooLarge,
  429: ProblemTypes.rateLimited,
};

export function titleOf(type: string, status: number): string {
  return TITLES[type] ?? STATUS_CODES[status] ?? 'Error';
}

/** `type`, `title` and `status` for a status, with the type this platform gives it. */
export function problemFor(status: number, type?: string): ProblemDetails {
  const resolved = type ?? TYPE_BY_STATUS[status] ?? ProblemTypes.blank;
  return { type: resolved, title: titleOf(resolved, status), status };
}

/**
 * The problem for what a Nest `HttpException` carries: a problem already (from `ProblemException`),
 * Nest's `{ message, error, statusCode }` with one message or a list of them (a list is a
 * validation failure: each becomes an entry of `errors`), or a bare string.
 */
export function problemOfHttpResponse(status: number, response: unknown): ProblemDetails {
  if (typeof response === 'string') return withDetail(problemFor(status), response);
  if (typeof response !== 'object' || response === null) return problemFor(status);
  const body = response as Record<string, unknown>;
  if (typeof body['type'] === 'string' && typeof body['title'] === 'string') {
    return { ...(body as unknown as ProblemDetails), status };
  }
  const message = body['message'];
  if (Array.isArray(message) && message.every((item) => typeof item === 'string')) {
    const messages: string[] = message;
    return {
      ...problemFor(status, status === 400 ? ProblemTypes.validation : undefined),
      detail: messages.join('; '),
      errors: messages.map(fieldErrorOf),
    };
  }
  return withDetail(problemFor(status), typeof message === 'string' ? message : undefined);
}

function withDetail(problem: ProblemDetails, detail: string | undefined): ProblemDetails {
  // Nest repeats the status phrase as the message when it was given none: that says nothing more.
  if (detail === undefined || detail === '' || detail === STATUS_CODES[problem.status]) {
    return problem;
  }
  return { ...problem, detail };
}

const LEADING_PATH = /^([A-Za-z_$][\w$]*(?:\[\d+\]|\.[A-Za-z_$][\w$]*)*): /;

/**
 * A message of a domain check, e.g. `route.routes[0].matchers[0]: "party" is not a label`, names
 * its field before a colon; other messages concern the whole request.
 */
export function fieldErrorOf(message: string): FieldError {
  const match = LEADING_PATH.exec(message);
  return { field: match?.[1] ?? '', message };
}
