// For specs only; running code never imports it.
import type { DynamicModule, INestApplication } from '@nestjs/common';

import { runService } from './run-service';

export interface InProcessService {
  app: INestApplication;
  /** `http://127.0.0.1:<port>`: the address Nest reports may be IPv6 loopback, which fetch can miss. */
  base: string;
}

/**
 * Starts a service's module in this process on a free loopback port, as integration specs do;
 * `bodyLimit` as the service's main.ts passes it, where it has its own.
 */
export async function startInProcess(
  module: DynamicModule,
  options: { bodyLimit?: string } = {},
): Promise<InProcessService> {
  const app = await runService(module, { port: 0, host: '127.0.0.1', ...options });
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}
