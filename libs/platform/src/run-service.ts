import { ValidationPipe } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';

import { serveOpenApi } from './openapi';
import type { ServiceOptions } from './service-options';
import { SERVICE_OPTIONS } from './tokens';

export interface HttpOptions {
  port: number;
  host: string;
  /** Largest request body accepted; larger ones get 413. */
  bodyLimit?: string;
}

/** Creates the Nest app, validates every body, logs JSON, and closes cleanly on SIGTERM/SIGINT. */
export async function runService(
  appModule: DynamicModule,
  http: HttpOptions,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const options = app.get<ServiceOptions>(SERVICE_OPTIONS);
  const limit = http.bodyLimit ?? '1mb';
  app.useBodyParser('json', { limit });
  if (!options.rawTextBodies)
    app.useBodyParser('text', { limit, type: ['text/plain', 'text/markdown'] });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  serveOpenApi(app, options.name);
  app.enableShutdownHooks();
  await app.listen(http.port, http.host);
  return app;
}
