import { byteSizeOf } from '@dealwatch/config';
import { FeedSourceRepository, HostRateLimit } from '@dealwatch/ingest/data-access';
import type { FeedItemRecord, FeedSource } from '@dealwatch/ingest/data-access';
import {
  UnreadableFeedError,
  charsetOf,
  decideRetry,
  parseFeed,
  relevanceOf,
  sourceBackoffUntil,
  verdictOf,
} from '@dealwatch/ingest/domain';
import type { FeedItem, FetchOutcome } from '@dealwatch/ingest/domain';
import { OutboundAllowlist, OutboundHttp } from '@dealwatch/outbound';
import type { OutboundResponse } from '@dealwatch/outbound';
import { CLOCK, ENV, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';
import { BatchLoop, WakeableSleep } from '@dealwatch/time';

import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';

import { IngestAgreementUseCase } from '../agreements/ingest-agreement.usecase';
import type { IngestEnv } from '../ingest.env';

const SOURCES_PER_TURN = 10;
const TIMEOUT_MS = 15_000;
const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const USER_AGENT = 'DealWatch-ingest/1 (+feeds)';
const RETRIES_PER_TURN = 10;
/** How long a claimed retry is held before another instance may take it. */
const RETRY_LEASE_MS = 5 * 60_000;
const MAX_ITEM_RETRY_MS = 6 * 3_600_000;
const MAX_SOURCE_BACKOFF_MS = 24 * 3_600_000;

type PageItem = Pick<FeedItem, 'key' | 'url' | 'title' | 'publishedAt'>;

/**
 * Polls due feed sources with conditional requests, and ingests each new, relevant item's page as
 * HTML. Every item is recorded once (ingested, skipped with why, or failed with why), so a feed
 * that keeps listing an item never has it taken twice. A page that could not be fetched for a
 * transient reason is retried with backoff up to a budget; a feed answering 5xx/429 or unreachable
 * backs its source off (Retry-After honoured). Requests go through OutboundHttp (no private
 * addresses unless allow-listed) and wait their turn per host.
 */
@Injectable()
export class FeedPoller implements OnApplicationBootstrap, OnModuleDestroy {
  /** Checked between items, so a shutdown does not wait for a whole feed. */
  private running = false;
  private readonly loop: BatchLoop;
  private readonly http: OutboundHttp;
  private readonly logger: Logger;

  constructor(
    private readonly sources: FeedSourceRepository,
    private readonly rateLimit: HostRateLimit,
    private readonly ingest: IngestAgreementUseCase,
    @Inject(ENV) private readonly env: IngestEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.http = new OutboundHttp(OutboundAllowlist.parse(env.OUTBOUND_ALLOWLIST));
    this.logger = logger.child({ component: 'feed-poller' });
    this.loop = new BatchLoop({
      turn: (batchSize) => this.turn(batchSize),
      batchSize: SOURCES_PER_TURN,
      idleMs: env.INGEST_FEED_POLL_MS,
      errorBackoffMs: env.INGEST_FEED_POLL_MS,
      onError: (error) => {
        this.logger.error({ err: error }, 'could not poll feed sources; will retry');
      },
    });
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    await this.loop.stop();
    await this.http.close();
  }

  /** Look for due sources now (a source was just added). */
  kick(): void {
    this.loop.wake();
  }

  /** Polls up to `batchSize` due sources, then retries due item pages; answers the sources polled. */
  private async turn(batchSize: number): Promise<number> {
    const due = await this.sources.claimDue(this.clock.now(), batchSize);
    for (const source of due) await this.poll(source);
    await this.retryDue();
    return due.length;
  }

  private async poll(source: FeedSource): Promise<void> {
    const conditional: Record<string, string> = {};
    if (source.etag) conditional['if-none-match'] = source.etag;
    if (source.lastModified) conditional['if-modified-since'] = source.lastModified;
    let response: OutboundResponse;
    try {
      response = await this.fetch(source.url, MAX_FEED_BYTES, conditional);
    } catch (error) {
      await this.backOff(source, { kind: 'error', message: messageOf(error) });
      return;
    }
    if (response.status === 304) {
      await this.sources.recordPoll(source.id, this.clock.now(), 'not modified', null);
      return;
    }
    if (response.status !== 200) {
      await this.backOff(source, outcomeOf(response));
      return;
    }
    let items: FeedItem[];
    try {
      items = parseFeed(response.body.toString('utf8'));
    } catch (error) {
      if (!(error instanceof UnreadableFeedError)) throw error;
      await this.sources.recordPoll(
        source.id,
        this.clock.now(),
        `unreadable: ${error.message}`,
        null,
      );
      return;
    }
    const known = await this.sources.knownItems(
      source.id,
      items.map((item) => item.key),
    );
    let taken = 0;
    for (const item of items) {
      if (known.has(item.key) || !this.running) continue;
      known.add(item.key);
      await this.sources.recordItem(source.id, await this.take(source, item));
      taken++;
    }
    await this.sources.recordPoll(source.id, this.clock.now(), `${taken} new of ${items.length}`, {
      etag: response.headers['etag'] ?? null,
      lastModified: response.headers['last-modified'] ?? null,
    });
  }

  /** A feed that failed transiently is polled later; any other answer is recorded as it was. */
  private async backOff(source: FeedSource, outcome: FetchOutcome): Promise<void> {
    const now = this.clock.now();
    const verdict = verdictOf(outcome, now);
    if (verdict.kind !== 'transient') {
      const reason = verdict.kind === 'permanent' ? verdict.reason : 'answered without a feed';
      await this.sources.recordPoll(source.id, now, reason, null);
      return;
    }
    const failures = source.failures + 1;
    const until = sourceBackoffUntil(
      failures,
      source.intervalSeconds * 1000,
      verdict,
      MAX_SOURCE_BACKOFF_MS,
      now,
    );
    await this.sources.recordBackoff(source.id, now, `failed: ${verdict.reason}`, failures, until);
  }

  private async retryDue(): Promise<void> {
    const now = this.clock.now();
    const lease = new Date(now.getTime() + RETRY_LEASE_MS);
    for (const item of await this.sources.claimDueRetries(now, lease, RETRIES_PER_TURN)) {
      if (!this.running) return;
      const page = {
        key: item.itemKey,
        url: item.url,
        title: item.title,
        publishedAt: item.publishedAt,
      };
      await this.sources.recordItem(
        item.sourceId,
        await this.fetchAndIngest(page, item.attempts + 1),
      );
    }
  }

  private async take(source: FeedSource, item: FeedItem): Promise<FeedItemRecord> {
    const relevance = relevanceOf(item, source);
    if (!relevance.relevant) {
      return {
        ...this.recordOf(item, 0),
        status: 'skipped',
        reason: relevance.reason,
      };
    }
    return this.fetchAndIngest(item, 1);
  }

  private recordOf(item: PageItem, attempts: number): FeedItemRecord {
    return {
      itemKey: item.key,
      url: item.url,
      title: item.title,
      status: 'failed',
      reason: null,
      agreementId: null,
      seenAt: this.clock.now(),
      attempts,
      nextAttemptAt: null,
      publishedAt: item.publishedAt,
    };
  }

  /** Attempt number `attempts` at the item's page: ingested, failed with why, or retried later. */
  private async fetchAndIngest(item: PageItem, attempts: number): Promise<FeedItemRecord> {
    const base = this.recordOf(item, attempts);
    const record = (
      status: FeedItemRecord['status'],
      reason: string | null,
      agreementId = null as string | null,
    ): FeedItemRecord => ({ ...base, status, reason, agreementId });
    let page: OutboundResponse | null = null;
    let fetched: FetchOutcome;
    try {
      page = await this.fetch(item.url, byteSizeOf(this.env.INGEST_MAX_BODY), {});
      fetched = outcomeOf(page);
    } catch (error) {
      fetched = { kind: 'error', message: messageOf(error) };
    }
    const now = this.clock.now();
    const verdict = verdictOf(fetched, now);
    if (verdict.kind === 'permanent') return record('failed', `the page ${verdict.reason}`);
    if (verdict.kind === 'transient') {
      const policy = {
        budget: this.env.INGEST_FEED_RETRY_BUDGET,
        baseMs: this.env.INGEST_FEED_RETRY_BASE_MS,
        maxMs: MAX_ITEM_RETRY_MS,
      };
      const decision = decideRetry(attempts, verdict, policy, now, Math.random());
      const reason = `could not fetch the page: ${decision.reason}`;
      if (decision.kind === 'failed') return record('failed', reason);
      return { ...record('retrying', reason), nextAttemptAt: decision.at };
    }
    if (page?.status !== 200) return record('failed', `the page answered ${page?.status}`);
    const outcome = await this.ingest.execute(
      {
        bytes: page.body,
        // Read as HTML whatever the server calls it, in the charset it names.
        mediaType: htmlWithCharsetOf(page.headers['content-type'] ?? null),
        fileName: null,
        given: { sourceUrl: page.url, publishedAt: item.publishedAt },
      },
      null,
    );
    switch (outcome.kind) {
      case 'accepted':
      case 'linked':
      case 'duplicate':
      case 'idempotency-key-reused':
        return record('ingested', outcome.kind, outcome.agreementId);
      case 'empty':
        return record('failed', 'the page has no text');
      case 'unsupported':
        return record('failed', `unsupported content type ${outcome.mediaType ?? '(none)'}`);
      case 'unreadable':
        return record('failed', outcome.reason);
      case 'too-large':
        return record('failed', outcome.reason);
    }
  }

  /** One request, after waiting for the host's turn. */
  private async fetch(url: string, maxBytes: number, headers: Record<string, string>) {
    const host = this.http.checkUrl(url).host;
    for (;;) {
      const wait = await this.rateLimit.take(host, this.env.INGEST_FEED_HOST_INTERVAL_MS);
      if (wait === 0 || this.env.INGEST_FEED_HOST_INTERVAL_MS === 0) break;
      await new WakeableSleep().sleep(wait);
    }
    return this.http.send(url, {
      headers: { 'user-agent': USER_AGENT, ...headers },
      timeoutMs: TIMEOUT_MS,
      maxBytes,
      maxRedirects: MAX_REDIRECTS,
    });
  }
}

function outcomeOf(response: OutboundResponse): FetchOutcome {
  const retryAfter = response.headers['retry-after'];
  return {
    kind: 'status',
    status: response.status,
    retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function htmlWithCharsetOf(contentType: string | null): string {
  const charset = charsetOf(contentType);
  return charset ? `text/html; charset=${charset}` : 'text/html';
}
