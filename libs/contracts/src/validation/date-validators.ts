import { isIsoDuration } from '@dealwatch/time';

import { registerDecorator } from 'class-validator';
import type { ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

function simpleDecorator(name: string, test: (value: unknown) => boolean, what: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) => {
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: `$property must be ${what}`, ...options },
        validator: { validate: test },
      });
    };
}

/** A calendar date `YYYY-MM-DD`: the agreement's own date, with no time zone attached. */
export const IsCalendarDate = simpleDecorator(
  'isCalendarDate',
  isCalendarDate,
  'a calendar date YYYY-MM-DD',
);
/** An ISO 8601 instant with an explicit offset, e.g. `2026-04-28T09:00:00.000Z`. */
export const IsInstant = simpleDecorator(
  'isInstant',
  isInstant,
  'an ISO 8601 instant with a time zone offset',
);
/** An ISO 8601 duration such as `P30D` or `PT10S`. */
export const IsIsoDuration = simpleDecorator(
  'isIsoDuration',
  isIsoDuration,
  'an ISO 8601 duration',
);
