import { apiFetch } from '@dealwatch/testing';

import { knownAgreement } from './agreements';
import type { KnownAgreement } from './agreements';

export interface IngestedAgreement {
  agreementId: string;
  /** When ingest answered 202 for it (ms since the epoch). */
  acceptedAt: number;
  dueDates: string[];
}

/** Posts in flight at once at most: a slow ingest must not pile up connections. */
const MAX_IN_FLIGHT = 4;
const POST_TIMEOUT_MS = 15_000;

/**
 * Posts a new agreement at a steady rate, as a client would: an agreement counts as ingested once
 * ingest answered 202; one refused or unanswered (ingest down, its database down) is posted again
 * later, and ingest answers a repeat of a document it did store with the same agreement.
 */
export class SteadyLoad {
  readonly ingested = new Map<string, IngestedAgreement>();
  /** Posts that failed (and were queued again), e.g. while ingest or its database was down. */
  failedPosts = 0;
  private readonly again: KnownAgreement[] = [];
  private nextIndex = 0;
  private inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private paused = false;

  constructor(
    private readonly ingestUrl: string,
    private readonly perSecond: number,
    private readonly runTag: string,
  ) {}

  start(): this {
    this.timer = setInterval(() => this.tick(), 1_000 / this.perSecond);
    return this;
  }

  /** Holds new posts back (those in flight finish), e.g. while consumer lag is measured. */
  async pause(): Promise<void> {
    this.paused = true;
    await Promise.all(this.inFlight);
  }

  resume(): void {
    this.paused = false;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pause();
  }

  /** The agreements ingest had accepted by `time`. */
  acceptedBy(time: number): IngestedAgreement[] {
    return [...this.ingested.values()].filter((agreement) => agreement.acceptedAt <= time);
  }

  private tick(): void {
    if (this.paused || this.inFlight.size >= MAX_IN_FLIGHT) return;
    const document = this.again.shift() ?? knownAgreement(this.runTag, this.nextIndex++);
    const post = this.post(document).finally(() => this.inFlight.delete(post));
    this.inFlight.add(post);
  }

  private async post(document: KnownAgreement): Promise<void> {
    try {
      const response = await apiFetch(`${this.ingestUrl}/v1/agreements`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: document.text,
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      if (response.status !== 202) throw new Error(`ingest answered ${response.status}`);
      const { id } = (await response.json()) as { id: string };
      if (!this.ingested.has(id))
        this.ingested.set(id, {
          agreementId: id,
          acceptedAt: Date.now(),
          dueDates: document.dueDates,
        });
    } catch {
      this.failedPosts++;
      this.again.push(document);
    }
  }
}
