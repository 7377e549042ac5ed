import { ExtractionRepository } from '@dealwatch/clause-extraction/data-access';
import { Topics } from '@dealwatch/contracts';
import type { ClauseExtractor } from '@dealwatch/extraction';
import { EventOutbox } from '@dealwatch/messaging';
import type { DecodedEvent } from '@dealwatch/messaging';
import { CLOCK, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

import { CLAUSE_EXTRACTOR } from './clause-extractor.provider';
import { toClausesExtracted } from './to-clauses-extracted';

/** Reads an ingested agreement and announces its obligations, once per text and engine version. */
@Injectable()
export class ExtractClausesUseCase {
  constructor(
    @Inject(CLAUSE_EXTRACTOR) private readonly extractor: ClauseExtractor,
    private readonly extractions: ExtractionRepository,
    private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(
    event: DecodedEvent<typeof Topics.AgreementIngestedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const agreement = event.payload;
    const started = performance.now();
    const result = this.extractor.extract({
      text: agreement.text,
      publishedAt: agreement.publishedAt,
      signedAt: agreement.signedAt,
      title: agreement.title,
    });
    const extracted = toClausesExtracted(agreement, result, {
      extractionId: randomUUID(),
      extractorVersion: this.extractor.version,
      extractedAt: this.clock.now(),
    });
    const isNew = await this.extractions.insertIfNew(manager, {
      id: extracted.extractionId,
      agreementId: agreement.agreementId,
      extractorVersion: this.extractor.version,
      contentSha256: agreement.contentSha256,
      result: extracted,
    });
    if (!isNew) return;
    await this.outbox.append(manager, Topics.ClausesExtractedV1, extracted, {
      subject: agreement.agreementId,
      correlationId: event.envelope.correlationId,
      causationId: event.envelope.id,
    });
    this.logger.info(
      {
        agreementId: agreement.agreementId,
        obligations: extracted.obligations.length,
        ms: Math.round(performance.now() - started),
      },
      'clauses extracted',
    );
  }
}
