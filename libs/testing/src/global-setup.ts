import { randomBytes } from 'node:crypto';

import { resolveInfrastructure } from './infrastructure';

/**
 * Jest global setup: resolves the infrastructure once and hands it to the test workers through the
 * environment, with a run id that makes every topic and schema name of this run unique.
 */
export default async function globalSetup(): Promise<void> {
  const infrastructure = await resolveInfrastructure();
  process.env['KAFKA_BROKERS'] = infrastructure.kafkaBrokers;
  process.env['DATABASE_URL'] = infrastructure.databaseUrl;
  process.env['REDIS_URL'] = infrastructure.redisUrl;
  process.env['DEALWATCH_TEST_RUN_ID'] ??=
    `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  (globalThis as { __dealwatchInfrastructure?: typeof infrastructure }).__dealwatchInfrastructure =
    infrastructure;
}
