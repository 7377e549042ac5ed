import { ValidationPipe } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';

import { bodyBudget } from './http/body-budget';
import { answerClientErrors } from './http/client-errors';
import { jsonBodyShape } from './http/json-body-shape';
import { serveOpenApi } from './openapi';
import { requestBodyErrors, validationProblem } from './problems';
import type { ServiceEnv, ServiceOptions } from './service-options';
import { ENV, SERVICE_OPTIONS } from './tokens';

export interface HttpOptions {
  port: number;
  host: string;
  /** Largest request body accepted; larger ones get 413. Default: the env's HTTP_MAX_BODY. */
  bodyLimit?: string;
}

/**
 * Creates the Nest app, validates every body, answers errors as problem details, logs JSON, and
 * closes cleanly on SIGTERM/SIGINT.
 */
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
  const limit = http.bodyLimit ?? app.get<ServiceEnv>(ENV).HTTP_MAX_BODY;
  // Before the body parsers: a request refused for want of memory is refused unread.
  if (options.bodyBudget) app.use(bodyBudget(options.bodyBudget));
  app.useBodyParser('json', { limit });
  // Ingest and the console read text bodies as bytes, to decode them by their declared charset.
  if (!options.rawTextBodies)
    app.useBodyParser('text', { limit, type: ['text/plain', 'text/markdown'] });
  // Malformed JSON and oversized bodies become problems before any route sees the request.
  app.use(requestBodyErrors);
  // Too deep for the validators' recursion, or keys they would skip: refused before any route.
  app.use(jsonBodyShape);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationProblem,
    }),
  );
  serveOpenApi(app, options.name);
  app.enableShutdownHooks();
  answerClientErrors(app.getHttpServer());
  await app.listen(http.port, http.host);
  return app;
}
