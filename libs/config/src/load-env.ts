import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { envVariablesOf } from './env-metadata';

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/**
 * Validates `source` (by default `process.env`) against `envClass` and returns the typed result.
 * Empty strings count as unset, so `FOO=` in a shell falls back to the default.
 */
export function loadEnv<T extends object>(
  envClass: new () => T,
  source: Record<string, string | undefined> = process.env,
): T {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const env = plainToInstance(envClass, present, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    throw new InvalidEnvironmentError(
      errors.map((error) => {
        const messages = Object.values(error.constraints ?? {}).join(', ');
        return `${error.property}: ${messages} (got ${JSON.stringify(mask(error.property, error.value, envClass))})`;
      }),
    );
  }
  return env;
}

/** The documented variables and their values, secrets masked: safe to log. */
export function describeEnv(env: object): Record<string, unknown> {
  const variables = envVariablesOf(env.constructor);
  return Object.fromEntries(
    Object.keys(variables)
      .sort()
      .map((name) => [name, mask(name, (env as Record<string, unknown>)[name], env.constructor)]),
  );
}

function mask(name: string, value: unknown, envClass: object): unknown {
  if (value === undefined || value === null || value === '') return value;
  if (envVariablesOf(envClass)[name]?.sensitive) return '********';
  if (typeof value === 'string' && /^[a-z]+:\/\//i.test(value)) return maskUrlPassword(value);
  return value;
}

/** `postgres://user:secret@host/db` -> `postgres://user:****@host/db`. */
function maskUrlPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]+:)[^@/]*@/i, '$1****@');
}
