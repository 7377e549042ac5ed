import { ExtractionRepository } from '@dealwatch/clause-extraction/data-access';
import { Topics } from '@dealwatch/contracts';
import type { ClauseExtractor } from '@dealwatch/extraction';
import { EventOutbox } from '@dealwatch/messaging';
import type { DecodedEvent } from '@dealwatch/messaging';
import { timeOrderedUuid } from '@dealwatch/persistence';
import { CLOCK, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
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

  /**
   * A run of ingested agreements: each is read in turn, then their extractions are stored and
   * announced with a statement each for the whole run.
   */
  async execute(
    events: DecodedEvent<typeof Topics.AgreementIngestedV1>[],
    manager: EntityManager,
  ): Promise<void> {
    const read = events.map((event) => this.read(event));
    const stored = await this.extractions.insertNew(
      manager,
      read.map(({ event, extracted }) => ({
        id: extracted.extractionId,
        agreementId: extracted.agreementId,
        extractorVersion: this.extractor.version,
        contentSha256: event.payload.contentSha256,
        result: extracted,
      })),
    );
    const fresh = read.filter(({ extracted }) => stored.has(extracted.extractionId));
    await this.outbox.appendMany(
      manager,
      fresh.map(({ event, extracted }) => ({
        topic: Topics.ClausesExtractedV1,
        payload: extracted,
        metadata: {
          subject: extracted.agreementId,
          correlationId: event.envelope.correlationId,
          causationId: event.envelope.id,
        },
      })),
    );
    for (const { extracted, ms } of fresh)
      this.logger.info(
        { agreementId: extracted.agreementId, obligations: extracted.obligations.length, ms },
        'clauses extracted',
      );
  }

  private read(event: DecodedEvent<typeof Topics.AgreementIngestedV1>) {
    const agreement = event.payload;
    const started = performance.now();
    const result = this.extractor.extract({
      text: agreement.text,
      publishedAt: agreement.publishedAt,
      signedAt: agreement.signedAt,
      title: agreement.title,
    });
    const extracted = toClausesExtracted(agreement, result, {
      extractionId: timeOrderedUuid(),
      extractorVersion: this.extractor.version,
      extractedAt: this.clock.now(),
    });
    return { event, extracted, ms: Math.round(performance.now() - started) };
  }
}
