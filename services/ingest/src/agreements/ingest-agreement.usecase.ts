import { MAX_EVENT_VALUE_BYTES, Topics } from '@dealwatch/contracts';
import {
  AgreementRepository,
  DealFingerprintRepository,
  DocumentRepository,
  IdempotencyStore,
  IngestLocks,
} from '@dealwatch/ingest/data-access';
import type { LinkedBecause } from '@dealwatch/ingest/data-access';
import {
  UnreadableDocumentError,
  contentDigest,
  convertDocument,
  detectFormat,
  fingerprintOf,
  lookupKeys,
  mediaTypeOf,
  sameDeal,
} from '@dealwatch/ingest/domain';
import type { ConvertedDocument, DealFingerprint, DocumentFormat } from '@dealwatch/ingest/domain';
import { EventOutbox, EventTooLargeError } from '@dealwatch/messaging';
import { CLOCK, GroupCommit, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export interface GivenMetadata {
  title?: string | null;
  sourceUrl?: string | null;
  publishedAt?: string | null;
  signedAt?: string | null;
}

/** An upload as received: the original bytes and what the caller said about them. */
export interface IncomingDocument {
  bytes: Buffer;
  /** The Content-Type as sent, parameters (a charset) included. */
  mediaType: string | null;
  fileName: string | null;
  given: GivenMetadata;
}

export type IngestOutcome =
  | { kind: 'accepted'; agreementId: string; documentId: string }
  | { kind: 'duplicate'; agreementId: string }
  | { kind: 'linked'; agreementId: string; documentId: string }
  | { kind: 'idempotency-key-reused'; agreementId: string }
  | { kind: 'empty' }
  | { kind: 'unsupported'; mediaType: string | null }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'too-large'; eventBytes: number };

/** Why a document whose announcement would not fit in an event is refused, for every entry point. */
export function tooLargeReason(eventBytes: number): string {
  return `the document's text makes an agreement event of ${eventBytes} bytes, over the ${MAX_EVENT_VALUE_BYTES} an event may carry: send it in parts`;
}

/** Under load, uploads share transactions of up to this many. */
const UPLOADS_PER_TRANSACTION = 32;
/** Transactions storing uploads at once: a few, so uploads with unrelated locks need not wait. */
const STORING_TRANSACTIONS = 4;

type Stored = Extract<IngestOutcome, { agreementId: string }>;

interface Upload {
  prepared: Prepared;
  document: IncomingDocument;
}

interface Prepared {
  format: DocumentFormat;
  converted: ConvertedDocument;
  textSha256: string;
  originalSha256: string;
  fingerprint: DealFingerprint;
  /** The fingerprint's lookup keys. */
  keys: string[];
}

/**
 * Turns an upload into the text extraction reads, keeps the original, and stores a new agreement
 * with its announcement in one transaction. The same original, the same text or a repeated
 * Idempotency-Key return the agreement already stored instead of creating another. Uploads that
 * could find each other (same original, same text, shared linking keys) decide one at a time, so
 * concurrent copies of one document or reports of one new deal end up on one agreement.
 */
@Injectable()
export class IngestAgreementUseCase {
  private readonly storing = new GroupCommit<Upload, Stored>({
    transaction: (work) => this.transactions.run(work),
    apply: (manager, uploads) => this.storeAll(manager, uploads),
    maxBatch: UPLOADS_PER_TRANSACTION,
    concurrency: STORING_TRANSACTIONS,
  });

  constructor(
    private readonly agreements: AgreementRepository,
    private readonly documents: DocumentRepository,
    private readonly fingerprints: DealFingerprintRepository,
    private readonly idempotency: IdempotencyStore,
    private readonly locks: IngestLocks,
    private readonly outbox: EventOutbox,
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(document: IncomingDocument, idempotencyKey: string | null): Promise<IngestOutcome> {
    const prepared = await this.prepare(document);
    if ('kind' in prepared) return prepared;

    if (idempotencyKey) {
      const previous = await this.idempotency.find(idempotencyKey);
      if (previous) {
        return previous.contentSha256 === prepared.textSha256
          ? { kind: 'duplicate', agreementId: previous.agreementId }
          : { kind: 'idempotency-key-reused', agreementId: previous.agreementId };
      }
    }
    let outcome: Stored;
    try {
      outcome = await this.storing.submit({ prepared, document });
    } catch (error) {
      // Its announcement could never be published: nothing is kept, and the caller hears why.
      if (error instanceof EventTooLargeError)
        return { kind: 'too-large', eventBytes: error.bytes };
      throw error;
    }
    if (idempotencyKey)
      await this.idempotency.remember(idempotencyKey, {
        agreementId: outcome.agreementId,
        contentSha256: prepared.textSha256,
      });
    return outcome;
  }

  private async prepare(document: IncomingDocument): Promise<Prepared | IngestOutcome> {
    const format = detectFormat(document.mediaType, document.bytes, document.fileName);
    if (!format) return { kind: 'unsupported', mediaType: document.mediaType };
    let converted: ConvertedDocument;
    try {
      converted = await convertDocument(format, document.bytes, document.mediaType);
    } catch (error) {
      if (error instanceof UnreadableDocumentError)
        return { kind: 'unreadable', reason: error.reason };
      throw error;
    }
    if (converted.text.trim() === '') {
      return format === 'text'
        ? { kind: 'empty' }
        : { kind: 'unreadable', reason: `the ${format.toUpperCase()} has no readable text` };
    }
    // Computed before the transaction: the locks taken in it are held no longer than needed.
    const fingerprint = fingerprintOf(converted.text, [
      document.given.signedAt ?? null,
      document.given.publishedAt ?? converted.metadata.publishedAt,
    ]);
    return {
      format,
      converted,
      textSha256: contentDigest(converted.text),
      originalSha256: createHash('sha256').update(document.bytes).digest('hex'),
      fingerprint,
      keys: lookupKeys(fingerprint),
    };
  }

  /**
   * Uploads prepared while others were being stored share a transaction: one BEGIN, one round of
   * locks and one COMMIT for all of them. Each is decided in arrival order and sees what the ones
   * before it stored, exactly as if it had its own transaction after theirs.
   */
  private async storeAll(manager: EntityManager, uploads: Upload[]): Promise<Stored[]> {
    await this.locks.serialise(
      manager,
      uploads.flatMap(({ prepared }) => [
        `original:${prepared.originalSha256}`,
        `text:${prepared.textSha256}`,
        ...prepared.keys,
      ]),
    );
    const stored: Stored[] = [];
    for (const { prepared, document } of uploads) {
      stored.push(await this.store(manager, prepared, document));
    }
    return stored;
  }

  /** Decides and stores one upload; the caller holds its locks. */
  private async store(
    manager: EntityManager,
    prepared: Prepared,
    document: IncomingDocument,
  ): Promise<Stored> {
    const { text, metadata, pages } = prepared.converted;
    const { fingerprint, keys } = prepared;

    const { sameOriginal, sameText } = await this.documents.agreementsHolding(
      manager,
      prepared.originalSha256,
      prepared.textSha256,
    );
    if (sameOriginal) return { kind: 'duplicate', agreementId: sameOriginal };
    if (sameText) {
      // Another rendering of a text already stored (a re-scraped page): kept, not announced.
      await this.keepDocument(manager, sameText, prepared, document, { kind: 'identical-text' });
      return { kind: 'duplicate', agreementId: sameText };
    }

    const linked = await this.linkToKnownDeal(manager, prepared, document, fingerprint, keys);
    if (linked) return linked;

    const agreement = {
      id: randomUUID(),
      contentSha256: prepared.textSha256,
      text,
      title: document.given.title ?? metadata.title,
      sourceUrl: document.given.sourceUrl ?? metadata.sourceUrl,
      publishedAt: document.given.publishedAt ?? metadata.publishedAt,
      signedAt: document.given.signedAt ?? null,
      language: metadata.language,
      pages,
    };
    if (!(await this.agreements.insertIfNew(manager, agreement))) {
      const winner = await this.agreements.findByDigest(manager, prepared.textSha256);
      if (!winner) throw new Error(`agreement ${prepared.textSha256} vanished during insert`);
      return { kind: 'duplicate', agreementId: winner.id };
    }
    const documentId = await this.keepDocument(manager, agreement.id, prepared, document, {
      kind: 'first',
    });
    await this.fingerprints.save(
      manager,
      { documentId, agreementId: agreement.id, fingerprint },
      keys,
    );
    await this.outbox.append(
      manager,
      Topics.AgreementIngestedV1,
      {
        agreementId: agreement.id,
        title: agreement.title,
        text,
        contentSha256: prepared.textSha256,
        sourceUrl: agreement.sourceUrl,
        publishedAt: agreement.publishedAt,
        signedAt: agreement.signedAt,
        ingestedAt: this.clock.now().toISOString(),
      },
      { subject: agreement.id },
    );
    return { kind: 'accepted', agreementId: agreement.id, documentId };
  }

  /** Attaches the document to the agreement of the stored document it best matches, if any. */
  private async linkToKnownDeal(
    manager: EntityManager,
    prepared: Prepared,
    document: IncomingDocument,
    fingerprint: DealFingerprint,
    keys: string[],
  ): Promise<Extract<IngestOutcome, { kind: 'linked' }> | null> {
    let best: {
      agreementId: string;
      matchedDocumentId: string;
      similarity: number;
      sharedSignals: string[];
    } | null = null;
    for (const candidate of await this.fingerprints.candidates(manager, keys)) {
      const reason = sameDeal(fingerprint, candidate.fingerprint);
      if (reason && (!best || reason.similarity > best.similarity)) {
        best = {
          ...reason,
          agreementId: candidate.agreementId,
          matchedDocumentId: candidate.documentId,
        };
      }
    }
    if (!best) return null;
    const { agreementId, ...linkedBecause } = best;
    const documentId = await this.keepDocument(manager, agreementId, prepared, document, {
      kind: 'near-duplicate',
      ...linkedBecause,
    });
    await this.fingerprints.save(manager, { documentId, agreementId, fingerprint }, keys);
    const { text, metadata } = prepared.converted;
    await this.outbox.append(
      manager,
      Topics.AgreementDocumentAddedV1,
      {
        agreementId,
        documentId,
        text,
        contentSha256: prepared.textSha256,
        title: document.given.title ?? metadata.title,
        sourceUrl: document.given.sourceUrl ?? metadata.sourceUrl,
        publishedAt: document.given.publishedAt ?? metadata.publishedAt,
        mediaType: mediaTypeOf[prepared.format],
        linkedBecause,
        addedAt: this.clock.now().toISOString(),
      },
      { subject: agreementId },
    );
    return { kind: 'linked', agreementId, documentId };
  }

  private async keepDocument(
    manager: EntityManager,
    agreementId: string,
    prepared: Prepared,
    document: IncomingDocument,
    linkedBecause: LinkedBecause,
  ): Promise<string> {
    const { text, metadata, pages } = prepared.converted;
    const id = randomUUID();
    await this.documents.insert(manager, {
      id,
      agreementId,
      originalSha256: prepared.originalSha256,
      original: document.bytes,
      byteSize: document.bytes.length,
      mediaType: mediaTypeOf[prepared.format],
      fileName: document.fileName,
      textSha256: prepared.textSha256,
      text,
      pages,
      title: document.given.title ?? metadata.title,
      sourceUrl: document.given.sourceUrl ?? metadata.sourceUrl,
      publishedAt: document.given.publishedAt ?? metadata.publishedAt,
      language: metadata.language,
      linkedBecause,
    });
    return id;
  }
}
