import { byteSizeOf } from '@dealwatch/config';
import { WatchedFolder } from '@dealwatch/ingest/data-access';
import type { Settlement } from '@dealwatch/ingest/data-access';
import { settledFiles } from '@dealwatch/ingest/domain';
import type { FileObservation } from '@dealwatch/ingest/domain';
import { ENV, LOGGER } from '@dealwatch/platform';
import { BatchLoop } from '@dealwatch/time';

import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';

import { IngestAgreementUseCase } from '../agreements/ingest-agreement.usecase';
import type { IngestOutcome } from '../agreements/ingest-agreement.usecase';
import type { IngestEnv } from '../ingest.env';

const FILES_PER_TURN = 50;

/**
 * Ingests what is dropped into INGEST_WATCH_DIR, once: a file is taken when two listings agree on
 * its size, and moved to processed/ or failed/ afterwards. Restart-safe because ingest is keyed by
 * the original's SHA-256: a file taken but not yet moved when the process stopped is taken again,
 * found to be a duplicate, and moved. A failure of PostgreSQL or Kafka leaves the file where it is.
 */
@Injectable()
export class FolderWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  /** Checked between files, so a shutdown does not wait for a whole drop. */
  private running = false;
  private loop: BatchLoop | null = null;
  private readonly logger: Logger;
  private seen = new Map<string, FileObservation>();

  constructor(
    private readonly ingest: IngestAgreementUseCase,
    @Inject(ENV) private readonly env: IngestEnv,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'folder-watcher' });
  }

  onApplicationBootstrap(): void {
    if (this.env.INGEST_WATCH_DIR === '') return;
    const folder = new WatchedFolder(this.env.INGEST_WATCH_DIR);
    this.logger.info({ folder: folder.path }, 'watching folder for documents');
    this.running = true;
    this.loop = new BatchLoop({
      turn: (batchSize) => this.poll(folder, batchSize),
      batchSize: FILES_PER_TURN,
      idleMs: this.env.INGEST_WATCH_POLL_MS,
      errorBackoffMs: this.env.INGEST_WATCH_POLL_MS,
      onError: (error) => {
        this.logger.error({ err: error }, 'could not handle the watched folder; will retry');
      },
    });
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    await this.loop?.stop();
  }

  /**
   * Takes up to `batchSize` settled files; answers how many. The rest stay observed, so they are
   * settled at once on the next turn, which a full batch brings on without a pause.
   */
  private async poll(folder: WatchedFolder, batchSize: number): Promise<number> {
    const current = await folder.observe();
    const ready = settledFiles(this.seen, current).slice(0, batchSize);
    this.seen = new Map(current.map((file) => [file.name, file]));
    let taken = 0;
    for (const file of ready) {
      if (!this.running) break;
      const [settlement, reason] = await this.take(folder, file);
      const movedTo = await folder.settle(file.name, settlement, reason);
      this.seen.delete(file.name);
      this.logger.info({ file: file.name, movedTo, reason }, 'watched file handled');
      taken++;
    }
    return taken;
  }

  private async take(
    folder: WatchedFolder,
    file: FileObservation,
  ): Promise<[Settlement, string | null]> {
    const limit = byteSizeOf(this.env.INGEST_MAX_BODY);
    if (file.size > limit) return ['failed', `the document is larger than ${limit} bytes`];
    const outcome = await this.ingest.execute(
      { bytes: await folder.read(file.name), mediaType: null, fileName: file.name, given: {} },
      null,
    );
    const reason = failureOf(outcome);
    return reason === null ? ['processed', null] : ['failed', reason];
  }
}

/** Why an outcome is a failure, in the words the HTTP API uses; null when the file was ingested. */
function failureOf(outcome: IngestOutcome): string | null {
  switch (outcome.kind) {
    case 'accepted':
    case 'linked':
    case 'duplicate':
    case 'idempotency-key-reused':
      return null;
    case 'empty':
      return 'the document has no text';
    case 'unsupported':
      return 'unsupported file type: send text, HTML, PDF or DOCX';
    case 'unreadable':
      return outcome.reason;
    case 'too-large':
      return outcome.reason;
  }
}
