import type { ValidationError } from 'class-validator';

import { ProblemTypes } from './problem-details';
import type { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';

/**
 * Every failed constraint of a validated body or query, nested objects and arrays included, with its
 * dotted path (`deadline.dueDate`, `reminders[2]`). Messages keep class-validator's wording, the
 * property name replaced by its whole path (`rateLimit.per must be an ISO 8601 duration`).
 */
export function fieldErrorsOf(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = pathOf(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: rephrase(message, error.property, field),
    }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

function pathOf(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

function rephrase(message: string, property: string, field: string): string {
  if (field === property) return message;
  if (message.startsWith(`${property} `)) return `${field}${message.slice(property.length)}`;
  return `${field}: ${message}`;
}

/** The ValidationPipe's `exceptionFactory`: a 400 validation problem naming every field. */
export function validationProblem(errors: ValidationError[]): ProblemException {
  const fieldErrors = fieldErrorsOf(errors);
  return new ProblemException(400, {
    type: ProblemTypes.validation,
    detail: fieldErrors.map((error) => error.message).join('; ') || 'the request is not valid',
    errors: fieldErrors,
  });
}

/** A 400 validation problem for checks made past the ValidationPipe (e.g. against configuration). */
export function invalidFields(errors: FieldError[]): ProblemException {
  return new ProblemException(400, {
    type: ProblemTypes.validation,
    detail: errors.map((error) => error.message).join('; '),
    errors,
  });
}
