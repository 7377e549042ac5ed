import {
  AgreementEntity,
  AgreementRepository,
  IdempotencyStore,
  ingestMigrations,
} from '@dealwatch/ingest/data-access';
import { PlatformModule } from '@dealwatch/platform';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';

import { AgreementsController } from './agreements/agreements.controller';
import { IngestAgreementUseCase } from './agreements/ingest-agreement.usecase';
import type { IngestEnv } from './ingest.env';

@Module({})
export class AppModule {
  static register(env: IngestEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          name: 'ingest',
          env,
          entities: [AgreementEntity],
          migrations: ingestMigrations,
          redis: true,
        }),
      ],
      controllers: [AgreementsController],
      providers: [AgreementRepository, IdempotencyStore, IngestAgreementUseCase],
    };
  }
}
