import { CommaSeparated, CommonEnv, EnvVariable } from '@dealwatch/config';
import type { ServiceEnv } from '@dealwatch/platform';
import { isIsoDuration } from '@dealwatch/time';

import {
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  Validate,
  ValidateBy,
  ValidatorConstraint,
} from 'class-validator';
import type { ValidationArguments, ValidatorConstraintInterface } from 'class-validator';

import { ValidTimeZone } from './lifecycle/due.validators';
import { readReminderPolicies } from './policies/read-reminder-policies';

/** base64 of the 32 bytes "dealwatch-local-calendar-link-32"; for local runs only. */
export const LOCAL_CALENDAR_LINK_SECRET = 'ZGVhbHdhdGNoLWxvY2FsLWNhbGVuZGFyLWxpbmstMzI=';

// Without the decorator class-validator would skip the constraint silently.
@ValidatorConstraint({ name: 'validOffsets' })
class ValidOffsets implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      Array.isArray(value) &&
      value.every((offset) => typeof offset === 'string' && isIsoDuration(offset))
    );
  }
  defaultMessage(): string {
    return 'REMINDER_OFFSETS must be ISO 8601 durations separated by commas, e.g. P30D,P7D,P1D,PT0S';
  }
}

@ValidatorConstraint({ name: 'validPolicies' })
class ValidPolicies implements ValidatorConstraintInterface {
  validate(value: unknown, { object }: ValidationArguments): boolean {
    return typeof value === 'string' && readReminderPolicies(value, offsetsOf(object)).ok;
  }
  defaultMessage({ value, object }: ValidationArguments): string {
    const result = readReminderPolicies(String(value), offsetsOf(object));
    return result.ok ? 'must be valid' : result.errors.join('; ');
  }
}

function offsetsOf(env: object): string[] {
  const offsets = (env as Partial<SchedulerEnv>).REMINDER_OFFSETS;
  return Array.isArray(offsets) ? offsets : [];
}

export class SchedulerEnv extends CommonEnv implements ServiceEnv {
  @EnvVariable({ description: 'HTTP port of the milestone API.' })
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3003;

  @EnvVariable({ description: 'Interface the HTTP server binds to.' })
  @IsString()
  HOST: string = '127.0.0.1';

  @EnvVariable({ description: 'PostgreSQL schema owned by the milestone scheduler.' })
  @Matches(/^[a-z_][a-z0-9_]*$/)
  DATABASE_SCHEMA: string = 'milestone_scheduler';

  @EnvVariable({
    description:
      'Reminders before each due time (ISO 8601 durations) of the default policy when REMINDER_POLICIES gives none; overdue is always added.',
  })
  @CommaSeparated()
  @Validate(ValidOffsets)
  REMINDER_OFFSETS: string[] = ['P30D', 'P7D', 'P1D', 'PT0S'];

  @EnvVariable({
    description:
      'Named reminder policies: JSON, or the path of a JSON or YAML file, e.g. {"default":{"offsets":["P7D","PT0S"],"timeOfDay":"09:00","skipWeekends":true,"holidays":"US"}}. Unset: one default policy, REMINDER_OFFSETS at 09:00 on any day.',
  })
  @IsOptional()
  @Validate(ValidPolicies)
  REMINDER_POLICIES?: string;

  @EnvVariable({ description: 'Time zone of due dates whose agreement names none.' })
  @Validate(ValidTimeZone)
  DEFAULT_TIME_ZONE: string = 'UTC';

  @EnvVariable({ description: 'Longest wait (ms) between two looks for due reminders.' })
  @IsInt()
  @Min(10)
  @Max(60_000)
  SCHEDULER_POLL_MS: number = 250;

  @EnvVariable({ description: 'A reminder firing this many ms after its time is marked late.' })
  @IsInt()
  @Min(0)
  LATE_AFTER_MS: number = 60_000;

  @EnvVariable({
    description:
      'HMAC secret (base64 of at least 32 bytes) that signs calendar subscription links. ' +
      'Defaults to a fixed local-development secret: set one in production, where changing it ' +
      'revokes every link.',
    sensitive: true,
  })
  @IsBase64Secret(32, 'SCHEDULER_CALENDAR_LINK_SECRET must be base64 of at least 32 bytes')
  SCHEDULER_CALENDAR_LINK_SECRET: string = LOCAL_CALENDAR_LINK_SECRET;

  @EnvVariable({
    description:
      'Base URL under which calendar apps reach this API, for calendar subscription links. ' +
      'Empty: the host the link was requested from.',
  })
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'SCHEDULER_PUBLIC_URL must be an http(s) URL' },
  )
  SCHEDULER_PUBLIC_URL?: string;
}

function IsBase64Secret(minBytes: number, message: string): PropertyDecorator {
  return ValidateBy({
    name: 'isBase64Secret',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        /^[A-Za-z0-9+/]+={0,2}$/.test(value) &&
        Buffer.from(value, 'base64').length >= minBytes,
      defaultMessage: () => message,
    },
  });
}
