import {
  ReadModelQueries,
  consoleMigrations,
  readModelEntities,
} from '@dealwatch/console/data-access';
import { PlatformModule } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';

import { ApiKeysController } from './api-keys/api-keys.controller';
import { ConsoleApiController } from './api/console-api.controller';
import { ConsolePageController } from './api/console-page.controller';
import type { ConsoleEnv } from './console.env';
import { LiveFeed } from './read-model/live-feed';
import { ProjectionsConsumer } from './read-model/projections.consumer';

@Module({})
export class AppModule {
  static register(env: ConsoleEnv, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService(
          {
            name: 'console',
            env,
            entities: readModelEntities,
            migrations: consoleMigrations,
            redis: false,
          },
          overrides,
        ),
      ],
      controllers: [ApiKeysController, ConsoleApiController, ConsolePageController],
      providers: [LiveFeed, ProjectionsConsumer, ReadModelQueries],
    };
  }
}
