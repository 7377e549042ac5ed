import {
  ObligationReviewRepository,
  ReadModelQueries,
  consoleMigrations,
  readModelEntities,
} from '@dealwatch/console/data-access';
import { PlatformModule } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';

import { AlertActionsController } from './alerts/alert-actions.controller';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ConsoleApiController } from './api/console-api.controller';
import { ConsolePageController } from './api/console-page.controller';
import { Upstream } from './api/upstream';
import type { ConsoleEnv } from './console.env';
import { LiveFeed } from './read-model/live-feed';
import { ProjectionsConsumer } from './read-model/projections.consumer';
import { ReviewObligationUseCase } from './reviews/review-obligation.usecase';
import { ReviewsController } from './reviews/reviews.controller';

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
            // A read model: a quarter second later, in fewer and larger transactions.
            eventGatherMs: 250,
            // Uploads are relayed to ingest as the bytes they are, in the charset they declare.
            rawTextBodies: true,
          },
          overrides,
        ),
      ],
      controllers: [
        AlertActionsController,
        ApiKeysController,
        ConsoleApiController,
        ConsolePageController,
        ReviewsController,
      ],
      providers: [
        LiveFeed,
        ObligationReviewRepository,
        ProjectionsConsumer,
        ReadModelQueries,
        ReviewObligationUseCase,
        Upstream,
      ],
    };
  }
}
