import { pino } from 'pino';
import type { Logger } from 'pino';

/** Structured JSON logs, one line per entry, with the service and instance on every line. */
export function createServiceLogger(service: string, level: string, instance: string): Logger {
  return pino(
    {
      level,
      base: { service, instance },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.secret', '*.password'],
        censor: '********',
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous even into a pipe: the last lines before a signal-driven exit must not be lost.
    pino.destination({ dest: 1, sync: true }),
  );
}
