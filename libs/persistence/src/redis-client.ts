import { Redis } from 'ioredis';

/** A Redis client that reconnects forever with a capped delay, and names itself in CLIENT LIST. */
export function createRedisClient(url: string, connectionName: string): Redis {
  return new Redis(url, {
    connectionName,
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}

interface ConnectionLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/**
 * Says once that Redis went away, with the first error, and once that it is back, instead of an
 * unhandled error event on every reconnect attempt (ioredis prints one each time, uncaught, to
 * stderr). Commands meanwhile fail on their own, and their callers say what that cost.
 */
export function reportConnectionErrors(redis: Redis, log: ConnectionLog): void {
  let away = false;
  redis.on('error', (error: Error) => {
    if (away) return;
    away = true;
    log.warn({ err: error }, 'redis unreachable; reconnecting');
  });
  redis.on('ready', () => {
    if (!away) return;
    away = false;
    log.info({}, 'redis reachable again');
  });
}
