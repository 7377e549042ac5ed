import { byteSizeOf } from '@dealwatch/config';
import {
  AgreementEntity,
  AgreementRepository,
  DealFingerprintRepository,
  DocumentEntity,
  DocumentRepository,
  FeedSourceRepository,
  HostRateLimit,
  IdempotencyStore,
  IngestLocks,
  ingestMigrations,
} from '@dealwatch/ingest/data-access';
import { ENV, PlatformModule } from '@dealwatch/platform';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';

import { AgreementsController } from './agreements/agreements.controller';
import { DocumentConverter } from './agreements/conversion/document-converter';
import { IngestAgreementUseCase } from './agreements/ingest-agreement.usecase';
import type { IngestEnv } from './ingest.env';
import { FeedPoller } from './sources/feed-poller';
import { SourcesController } from './sources/sources.controller';
import { FolderWatcher } from './watch/folder-watcher';

@Module({})
export class AppModule {
  static register(env: IngestEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          name: 'ingest',
          env,
          entities: [AgreementEntity, DocumentEntity],
          migrations: ingestMigrations,
          redis: true,
          rawTextBodies: true,
          bodyBudget: {
            bytes: byteSizeOf(env.INGEST_UPLOADS_IN_FLIGHT),
            largestBody: byteSizeOf(env.INGEST_MAX_BODY),
          },
        }),
        // Multipart uploads are held in memory up to the same limit as any other body.
        MulterModule.registerAsync({
          useFactory: (serviceEnv: IngestEnv) => ({
            limits: { fileSize: byteSizeOf(serviceEnv.INGEST_MAX_BODY), files: 1 },
          }),
          inject: [ENV],
        }),
      ],
      controllers: [AgreementsController, SourcesController],
      providers: [
        AgreementRepository,
        DealFingerprintRepository,
        DocumentConverter,
        DocumentRepository,
        FeedPoller,
        FeedSourceRepository,
        FolderWatcher,
        HostRateLimit,
        IdempotencyStore,
        IngestAgreementUseCase,
        IngestLocks,
      ],
    };
  }
}
