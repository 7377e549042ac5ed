import { HttpException } from '@nestjs/common';

import { problemFor } from './problem-details';
import type { FieldError, ProblemDetails } from './problem-details';

export interface ProblemOptions {
  /** A type URI of `ProblemTypes`; by default the one of the status. */
  type?: string;
  detail: string;
  errors?: FieldError[];
  /** Response headers that go with it, e.g. `Retry-After` or `WWW-Authenticate`. */
  headers?: Record<string, string>;
}

/** An error answered as the given problem details (see the platform's exception filter). */
export class ProblemException extends HttpException {
  readonly headers: Record<string, string>;

  constructor(status: number, options: ProblemOptions) {
    const problem: ProblemDetails = { ...problemFor(status, options.type), detail: options.detail };
    if (options.errors) problem.errors = options.errors;
    super(problem, status);
    this.headers = options.headers ?? {};
  }
}
