import { Topics } from '@dealwatch/contracts';
import { AgreementRepository, IdempotencyStore } from '@dealwatch/ingest/data-access';
import { contentDigest, normaliseText, readDocumentMetadata } from '@dealwatch/ingest/domain';
import { EventOutbox } from '@dealwatch/messaging';
import { CLOCK, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

export interface IncomingDocument {
  text: string;
  title?: string | null;
  sourceUrl?: string | null;
  publishedAt?: string | null;
  signedAt?: string | null;
}

export type IngestOutcome =
  | { kind: 'accepted'; agreementId: string }
  | { kind: 'duplicate'; agreementId: string }
  | { kind: 'idempotency-key-reused'; agreementId: string }
  | { kind: 'empty' };

/**
 * Stores a new agreement and announces it in one transaction; identical text (or a repeated
 * Idempotency-Key) returns the agreement already stored instead of creating another.
 */
@Injectable()
export class IngestAgreementUseCase {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly idempotency: IdempotencyStore,
    private readonly outbox: EventOutbox,
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(document: IncomingDocument, idempotencyKey: string | null): Promise<IngestOutcome> {
    const text = normaliseText(document.text);
    if (text.trim() === '') return { kind: 'empty' };
    const digest = contentDigest(text);

    if (idempotencyKey) {
      const previous = await this.idempotency.find(idempotencyKey);
      if (previous) {
        return previous.contentSha256 === digest
          ? { kind: 'duplicate', agreementId: previous.agreementId }
          : { kind: 'idempotency-key-reused', agreementId: previous.agreementId };
      }
    }
    const outcome = await this.store(text, digest, document);
    if (idempotencyKey)
      await this.idempotency.remember(idempotencyKey, {
        agreementId: outcome.agreementId,
        contentSha256: digest,
      });
    return outcome;
  }

  private store(text: string, digest: string, document: IncomingDocument) {
    return this.transactions.run(
      async (manager): Promise<IngestOutcome & { agreementId: string }> => {
        const existing = await this.agreements.findByDigest(manager, digest);
        if (existing) return { kind: 'duplicate', agreementId: existing.id };

        const found = readDocumentMetadata(text);
        const agreement = {
          id: randomUUID(),
          contentSha256: digest,
          text,
          title: document.title ?? found.title,
          sourceUrl: document.sourceUrl ?? found.sourceUrl,
          publishedAt: document.publishedAt ?? found.publishedAt,
          signedAt: document.signedAt ?? null,
        };
        if (!(await this.agreements.insertIfNew(manager, agreement))) {
          const winner = await this.agreements.findByDigest(manager, digest);
          if (!winner) throw new Error(`agreement with digest ${digest} vanished during insert`);
          return { kind: 'duplicate', agreementId: winner.id };
        }
        await this.outbox.append(
          manager,
          Topics.AgreementIngestedV1,
          {
            agreementId: agreement.id,
            title: agreement.title,
            text,
            contentSha256: digest,
            sourceUrl: agreement.sourceUrl,
            publishedAt: agreement.publishedAt,
            signedAt: agreement.signedAt,
            ingestedAt: this.clock.now().toISOString(),
          },
          { subject: agreement.id },
        );
        return { kind: 'accepted', agreementId: agreement.id };
      },
    );
  }
}
