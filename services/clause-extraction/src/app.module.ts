import {
  ExtractionEntity,
  ExtractionRepository,
  clauseExtractionMigrations,
} from '@dealwatch/clause-extraction/data-access';
import { PlatformModule } from '@dealwatch/platform';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';

import type { ExtractionEnv } from './extraction.env';
import { AgreementIngestedConsumer } from './extractions/agreement-ingested.consumer';
import { clauseExtractorProvider } from './extractions/clause-extractor.provider';
import { ExtractClausesUseCase } from './extractions/extract-clauses.usecase';
import { ExtractionsController } from './extractions/extractions.controller';

@Module({})
export class AppModule {
  static register(env: ExtractionEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          name: 'clause-extraction',
          env,
          entities: [ExtractionEntity],
          migrations: clauseExtractionMigrations,
          redis: false,
        }),
      ],
      controllers: [ExtractionsController],
      providers: [
        AgreementIngestedConsumer,
        clauseExtractorProvider,
        ExtractClausesUseCase,
        ExtractionRepository,
      ],
    };
  }
}
