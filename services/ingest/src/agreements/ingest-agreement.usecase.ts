import { MAX_EVENT_VALUE_BYTES, Topics } from '@dealwatch/contracts';
import {
  AgreementRepository,
  DealFingerprintRepository,
  IdempotencyStore,
  IngestLocks,
} from '@dealwatch/ingest/data-access';
import type {
  LinkedBecause,
  NewAgreement,
  NewDocument,
  StoredFingerprint,
} from '@dealwatch/ingest/data-access';
import {
  UnreadableDocumentError,
  contentDigest,
  decideUploads,
  detectFormat,
  fingerprintOf,
  lookupKeys,
  mediaTypeOf,
} from '@dealwatch/ingest/domain';
import type {
  ConvertedDocument,
  DealFingerprint,
  DocumentFormat,
  UploadDecision,
} from '@dealwatch/ingest/domain';
import { EventOutbox, EventTooLargeError } from '@dealwatch/messaging';
import type { OutboxEvent } from '@dealwatch/messaging';
import { timeOrderedUuid } from '@dealwatch/persistence';
import { CLOCK, GroupCommit, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

import { DocumentConverter, TextTooLongError } from './conversion/document-converter';

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
  | { kind: 'too-large'; reason: string };

/** Why a document too large for an event is refused, given what was measured of it. */
function tooLargeReason(measured: string): string {
  return `the document's ${measured}, over the ${MAX_EVENT_VALUE_BYTES} an event may carry: send it in parts`;
}

/** Under load, uploads share transactions of up to this many. */
const UPLOADS_PER_TRANSACTION = 64;
/**
 * Transactions storing uploads at once. Few: uploads arriving meanwhile join the next one, and
 * under load most share a linking key, so more transactions would mostly wait on each other's
 * locks (measured at 50 uploads/s: four at once made batches of 7 that spent over half their time
 * waiting for locks; one made batches of 12 that hardly waited). Two, so that one slow upload does
 * not hold up all the others.
 */
const STORING_TRANSACTIONS = 2;

type Stored = Extract<IngestOutcome, { agreementId: string }>;

interface Upload {
  prepared: Prepared;
  document: IncomingDocument;
}

interface UploadWrites {
  agreement?: NewAgreement;
  document?: NewDocument;
  fingerprint?: StoredFingerprint & { keys: string[] };
  event?: OutboxEvent;
  outcome: Stored;
}

/** An upload waits for whoever stores the same original, the same text or a shared linking key. */
function lockKeysOf(prepared: Prepared): string[] {
  return [`original:${prepared.originalSha256}`, `text:${prepared.textSha256}`, ...prepared.keys];
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
    private readonly converter: DocumentConverter,
    private readonly agreements: AgreementRepository,
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
        return {
          kind: 'too-large',
          reason: tooLargeReason(`text makes an agreement event of ${error.bytes} bytes`),
        };
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
      converted = await this.converter.convert(format, document.bytes, document.mediaType, {
        maxTextBytes: MAX_EVENT_VALUE_BYTES,
      });
    } catch (error) {
      if (error instanceof UnreadableDocumentError)
        return { kind: 'unreadable', reason: error.reason };
      // Refused before its text is fingerprinted: that would cost memory in proportion to it.
      if (error instanceof TextTooLongError)
        return {
          kind: 'too-large',
          reason: tooLargeReason(`text alone is ${error.textBytes} bytes`),
        };
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
   * Uploads prepared while others were being stored share a transaction: one round of locks, one
   * read of what is stored, one insert per table and one commit for all of them. Each is decided in
   * arrival order, as if stored alone after the ones before it (`decideUploads`).
   */
  private async storeAll(manager: EntityManager, uploads: Upload[]): Promise<Stored[]> {
    const prepared = uploads.map((upload) => upload.prepared);
    await this.locks.serialise(manager, prepared.flatMap(lockKeysOf));
    const known = await this.fingerprints.storedKnowledgeFor(manager, prepared);
    const decisions = decideUploads(prepared, known, timeOrderedUuid);

    // decideUploads answers one decision per upload, in their order.
    const writes = decisions.map((decision, index) =>
      this.writesOf(uploads[index] as Upload, decision),
    );
    await this.agreements.insertMany(manager, {
      agreements: writes.flatMap((write) => write.agreement ?? []),
      documents: writes.flatMap((write) => write.document ?? []),
    });
    await this.fingerprints.saveMany(
      manager,
      writes.flatMap((write) => write.fingerprint ?? []),
    );
    await this.outbox.appendMany(
      manager,
      writes.flatMap((write) => write.event ?? []),
    );
    return writes.map((write) => write.outcome);
  }

  /** The rows and the event a decision on an upload stores, and what its caller is answered. */
  private writesOf(upload: Upload, decision: UploadDecision): UploadWrites {
    const { prepared, document } = upload;
    const { text, metadata, pages } = prepared.converted;
    const title = document.given.title ?? metadata.title;
    const sourceUrl = document.given.sourceUrl ?? metadata.sourceUrl;
    const publishedAt = document.given.publishedAt ?? metadata.publishedAt;
    if (decision.kind === 'same-original') {
      return { outcome: { kind: 'duplicate', agreementId: decision.agreementId } };
    }
    const { agreementId, documentId } = decision;
    const linkedBecause: LinkedBecause =
      decision.kind === 'new-agreement'
        ? { kind: 'first' }
        : decision.kind === 'identical-text'
          ? { kind: 'identical-text' }
          : {
              kind: 'near-duplicate',
              similarity: decision.similarity,
              sharedSignals: decision.sharedSignals,
              matchedDocumentId: decision.matchedDocumentId,
            };
    const kept: NewDocument = {
      id: documentId,
      agreementId,
      originalSha256: prepared.originalSha256,
      original: document.bytes,
      byteSize: document.bytes.length,
      mediaType: mediaTypeOf[prepared.format],
      fileName: document.fileName,
      textSha256: prepared.textSha256,
      text,
      pages,
      title,
      sourceUrl,
      publishedAt,
      language: metadata.language,
      linkedBecause,
    };
    // Another rendering of a text already stored (a re-scraped page): kept, not announced.
    if (decision.kind === 'identical-text') {
      return { document: kept, outcome: { kind: 'duplicate', agreementId } };
    }
    const fingerprint = {
      documentId,
      agreementId,
      fingerprint: prepared.fingerprint,
      keys: prepared.keys,
    };
    if (decision.kind === 'near-duplicate') {
      return {
        document: kept,
        fingerprint,
        event: {
          topic: Topics.AgreementDocumentAddedV1,
          payload: {
            agreementId,
            documentId,
            text,
            contentSha256: prepared.textSha256,
            title,
            sourceUrl,
            publishedAt,
            mediaType: mediaTypeOf[prepared.format],
            linkedBecause: {
              similarity: decision.similarity,
              sharedSignals: decision.sharedSignals,
              matchedDocumentId: decision.matchedDocumentId,
            },
            addedAt: this.clock.now().toISOString(),
          },
          metadata: { subject: agreementId },
        },
        outcome: { kind: 'linked', agreementId, documentId },
      };
    }
    const signedAt = document.given.signedAt ?? null;
    return {
      agreement: {
        id: agreementId,
        contentSha256: prepared.textSha256,
        text,
        title,
        sourceUrl,
        publishedAt,
        signedAt,
        language: metadata.language,
        pages,
      },
      document: kept,
      fingerprint,
      event: {
        topic: Topics.AgreementIngestedV1,
        payload: {
          agreementId,
          title,
          text,
          contentSha256: prepared.textSha256,
          sourceUrl,
          publishedAt,
          signedAt,
          ingestedAt: this.clock.now().toISOString(),
        },
        metadata: { subject: agreementId },
      },
      outcome: { kind: 'accepted', agreementId, documentId },
    };
  }
}
