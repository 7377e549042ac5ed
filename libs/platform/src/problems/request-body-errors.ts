import type { NextFunction, Request, Response } from 'express';

import { ProblemTypes } from './problem-details';
import { ProblemException } from './problem.exception';

interface BodyParserError extends Error {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  limit?: number;
}

/** The status of an `http-errors` error meant for the client (4xx, `expose`), else null. */
export function httpErrorStatusOf(error: unknown): number | null {
  if (!(error instanceof Error)) return null;
  const { status, statusCode, expose } = error as BodyParserError;
  const code = status ?? statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 && expose === true ? code : null;
}

/** A body parser's failure as the problem a client can act on, or the error unchanged. */
export function requestBodyProblem(error: unknown): unknown {
  const status = httpErrorStatusOf(error);
  if (status === null) return error;
  const { type, message, limit } = error as BodyParserError;
  switch (type) {
    case 'entity.parse.failed':
      return new ProblemException(400, {
        type: ProblemTypes.malformedBody,
        detail: `the body is not valid JSON: ${message}`,
      });
    case 'entity.too.large':
      return new ProblemException(413, {
        detail: `the request body is larger than ${limit ?? 'the limit of'} bytes`,
      });
    case undefined:
    default:
      return new ProblemException(status, {
        ...(status === 400 ? { type: ProblemTypes.malformedBody } : {}),
        detail: message,
      });
  }
}

/** Express error middleware, placed right after the body parsers. */
export function requestBodyErrors(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  next(requestBodyProblem(error));
}
