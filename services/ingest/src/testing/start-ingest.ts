import { loadEnv } from '@dealwatch/config';
import { startInProcess } from '@dealwatch/platform/testing';
import type { InProcessService } from '@dealwatch/platform/testing';
import { serviceTestEnv } from '@dealwatch/testing';
import type { TestNamespace } from '@dealwatch/testing';

import { AppModule } from '../app.module';
import { IngestEnv } from '../ingest.env';

/**
 * Ingest in the spec's process, as `main.ts` starts it, on the namespace's own schema, topics and
 * Redis keys; `overrides` set or replace variables.
 */
export function startIngest(
  namespace: TestNamespace,
  overrides: Record<string, string> = {},
): Promise<InProcessService> {
  const env = loadEnv(IngestEnv, {
    ...serviceTestEnv(namespace, 'ingest'),
    LOG_LEVEL: 'silent',
    ...overrides,
  });
  return startInProcess(AppModule.register(env), { bodyLimit: env.INGEST_MAX_BODY });
}
