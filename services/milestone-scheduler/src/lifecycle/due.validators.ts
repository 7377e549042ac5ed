import { isKnownJurisdiction } from '@dealwatch/milestone-scheduler/domain';
import { isValidTimeZone } from '@dealwatch/time';

import { ValidatorConstraint } from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';

/** `dueDate` is checked when given, and when `dueAt` is missing too (so a body without either fails). */
export function needsDueDate(body: { dueDate?: unknown; dueAt?: unknown }): boolean {
  return body.dueDate !== undefined || body.dueAt === undefined;
}

/** Put on `dueDate`: the body must give exactly one of `dueDate` and `dueAt`. */
@ValidatorConstraint({ name: 'oneDueOnly' })
export class OneDueOnly implements ValidatorConstraintInterface {
  validate(_: unknown, { object }: ValidationArguments): boolean {
    const body = object as { dueDate?: unknown; dueAt?: unknown };
    return (body.dueDate === undefined) !== (body.dueAt === undefined);
  }

  defaultMessage(): string {
    return 'give exactly one of dueDate (YYYY-MM-DD, with timeZone) and dueAt (an ISO 8601 instant)';
  }
}

@ValidatorConstraint({ name: 'validTimeZone' })
export class ValidTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidTimeZone(value);
  }

  defaultMessage({ property }: ValidationArguments): string {
    return `${property} must be an IANA time zone such as UTC or America/New_York`;
  }
}

@ValidatorConstraint({ name: 'knownJurisdiction' })
export class KnownJurisdiction implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isKnownJurisdiction(value);
  }

  defaultMessage({ property }: ValidationArguments): string {
    return `${property} must be an ISO country code the holiday data knows, such as US or GB`;
  }
}
