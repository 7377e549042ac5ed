import { Catch, HttpException, Inject } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Logger } from 'pino';

import { LOGGER } from '../tokens';
import { PROBLEM_CONTENT_TYPE, problemFor, problemOfHttpResponse } from './problem-details';
import type { ProblemDetails } from './problem-details';
import { ProblemException } from './problem.exception';
import { httpErrorStatusOf } from './request-body-errors';

/** What a client sees of a failure it cannot act on: the cause stays in the log. */
const INTERNAL_DETAIL = 'the request failed on our side; the cause is logged';

/**
 * Answers every error of every route as RFC 9457 problem details (`application/problem+json`):
 * Nest's HTTP exceptions keep their status and message, validation failures list their fields, a
 * 401 says `WWW-Authenticate: Bearer`, and anything unexpected is a 500 without internals, logged
 * with its stack.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { problem, headers } = this.problemOf(exception);
    problem.instance = request.path;
    if (problem.status >= 500) {
      this.logger.error(
        { err: exception, method: request.method, path: request.path },
        'request failed',
      );
    }
    // A streamed answer (server-sent events, a file) that fails midway can only be cut short.
    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (problem.status === 401 && !response.hasHeader('www-authenticate')) {
      response.setHeader('www-authenticate', 'Bearer realm="dealwatch"');
    }
    response
      .status(problem.status)
      .setHeader('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
      .end(JSON.stringify(problem));
  }

  private problemOf(exception: unknown): {
    problem: ProblemDetails;
    headers: Record<string, string>;
  } {
    if (exception instanceof HttpException) {
      return {
        problem: problemOfHttpResponse(exception.getStatus(), exception.getResponse()),
        headers: exception instanceof ProblemException ? exception.headers : {},
      };
    }
    // http-errors (body parsers, multer) that reached here unconverted: their message is for clients.
    const status = httpErrorStatusOf(exception);
    if (status !== null) {
      return {
        problem: { ...problemFor(status), detail: (exception as Error).message },
        headers: {},
      };
    }
    return { problem: { ...problemFor(500), detail: INTERNAL_DETAIL }, headers: {} };
  }
}
