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
