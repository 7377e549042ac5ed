import type { NextFunction, Request, RequestHandler, Response } from 'express';

import { ProblemException } from '../problems/problem.exception';

export interface BodyBudget {
  /** Bytes of request bodies held at once, at most (one body alone is always let in). */
  bytes: number;
  /** The body size limit: what a body of unknown length (chunked) is counted as. */
  largestBody: number;
}

/**
 * Bodies are read whole into memory, and a service's heap is capped: enough large uploads at once
 * would exhaust it and take every request in flight down with the process. A request whose body
 * would take the bytes being read and worked on past the budget is refused, before any of it is
 * read, with 503 and Retry-After; it is kept until its response is sent.
 */
export function bodyBudget({ bytes, largestBody }: BodyBudget): RequestHandler {
  let inFlight = 0;
  return (request: Request, response: Response, next: NextFunction) => {
    const size = countedSize(request, largestBody);
    if (size === 0) {
      next();
      return;
    }
    if (inFlight > 0 && inFlight + size > bytes) {
      next(
        new ProblemException(503, {
          detail: `${sizeOf(inFlight)} of other uploads are being read, and this one would take it past the ${sizeOf(bytes)} held at once: send it again in a moment`,
          headers: { 'Retry-After': '1' },
        }),
      );
      return;
    }
    inFlight += size;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= size;
    };
    response.once('finish', release);
    response.once('close', release);
    next();
  };
}

/** Bytes a body will take; a body over the limit takes none, as the body parser refuses it unread. */
function countedSize(request: Request, largestBody: number): number {
  const declared = request.headers['content-length'];
  if (declared === undefined) return request.headers['transfer-encoding'] ? largestBody : 0;
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) return largestBody;
  return length > largestBody ? 0 : length;
}

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.round(bytes / 1024)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
