const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: serialization failure, deadlock, admin/crash shutdown, cannot connect now.
  '40001',
  '40P01',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * True for failures of the infrastructure rather than of the data: retrying later can succeed, so
 * such an error must never send a message to a dead-letter topic.
 */
export function isTransientError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08')))
      return true;
    if (
      /Connection terminated|connection timeout|Connection is closed|timeout exceeded when trying to connect/i.test(
        current.message,
      )
    ) {
      return true;
    }
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? current.cause;
  }
  return false;
}
