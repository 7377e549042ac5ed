import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface FeedSource {
  id: string;
  url: string;
  name: string;
  keywords: string[];
  parties: string[];
  intervalSeconds: number;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: Date;
  lastPolledAt: Date | null;
  lastResult: string | null;
  /** Transient feed failures in a row (network error, 5xx, 429); 0 after any other answer. */
  failures: number;
  /** Set while the source is backed off after such failures. */
  backedOffUntil: Date | null;
}

/** `retrying`: the page fetch failed transiently and is tried again at `nextAttemptAt`. */
export type FeedItemStatus = 'ingested' | 'skipped' | 'failed' | 'retrying';

export interface FeedItemRecord {
  itemKey: string;
  url: string;
  title: string | null;
  status: FeedItemStatus;
  reason: string | null;
  agreementId: string | null;
  seenAt: Date;
  /** Page fetches made so far. */
  attempts: number;
  nextAttemptAt: Date | null;
  /** The feed's date for the item, given to ingest on a retry too. */
  publishedAt: string | null;
}

export interface DueFeedItem extends FeedItemRecord {
  sourceId: string;
}

type Row = Record<string, unknown>;

const sourceOf = (row: Row): FeedSource => ({
  id: row['id'] as string,
  url: row['url'] as string,
  name: row['name'] as string,
  keywords: row['keywords'] as string[],
  parties: row['parties'] as string[],
  intervalSeconds: row['interval_seconds'] as number,
  etag: row['etag'] as string | null,
  lastModified: row['last_modified'] as string | null,
  nextPollAt: row['next_poll_at'] as Date,
  lastPolledAt: row['last_polled_at'] as Date | null,
  lastResult: row['last_result'] as string | null,
  failures: row['failures'] as number,
  backedOffUntil: row['backed_off_until'] as Date | null,
});

const itemOf = (row: Row): FeedItemRecord => ({
  itemKey: row['item_key'] as string,
  url: row['url'] as string,
  title: row['title'] as string | null,
  status: row['status'] as FeedItemStatus,
  reason: row['reason'] as string | null,
  agreementId: row['agreement_id'] as string | null,
  seenAt: row['seen_at'] as Date,
  attempts: row['attempts'] as number,
  nextAttemptAt: row['next_attempt_at'] as Date | null,
  publishedAt: row['published_at'] as string | null,
});

/** Subscriptions and the items they yielded. */
@Injectable()
export class FeedSourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when a source with this URL already exists. */
  async create(
    source: Omit<
      FeedSource,
      'etag' | 'lastModified' | 'lastPolledAt' | 'lastResult' | 'failures' | 'backedOffUntil'
    >,
  ) {
    const rows = await this.dataSource.query<Row[]>(
      `INSERT INTO feed_sources (id, url, name, keywords, parties, interval_seconds, next_poll_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (url) DO NOTHING RETURNING *`,
      [
        source.id,
        source.url,
        source.name,
        JSON.stringify(source.keywords),
        JSON.stringify(source.parties),
        source.intervalSeconds,
        source.nextPollAt,
      ],
    );
    return rows[0] ? sourceOf(rows[0]) : null;
  }

  async list(): Promise<FeedSource[]> {
    const rows = await this.dataSource.query<Row[]>(
      'SELECT * FROM feed_sources ORDER BY created_at, id',
    );
    return rows.map(sourceOf);
  }

  async find(id: string): Promise<FeedSource | null> {
    const rows = await this.dataSource.query<Row[]>('SELECT * FROM feed_sources WHERE id = $1', [
      id,
    ]);
    return rows[0] ? sourceOf(rows[0]) : null;
  }

  async delete(id: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM feed_sources WHERE id = $1',
      [id],
    );
    return affected > 0;
  }

  /**
   * Sources due at `now`, each pushed to its next turn in the same statement, so two instances
   * never poll one source at once and a crash mid-poll only delays it by one interval.
   */
  async claimDue(now: Date, limit: number): Promise<FeedSource[]> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await this.dataSource.query<[Row[], number]>(
      `UPDATE feed_sources s SET next_poll_at = $1::timestamptz + make_interval(secs => s.interval_seconds)
        WHERE s.id IN (SELECT id FROM feed_sources WHERE next_poll_at <= $1
                        ORDER BY next_poll_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING s.*`,
      [now, limit],
    );
    return rows.map(sourceOf);
  }

  async recordPoll(
    id: string,
    at: Date,
    result: string,
    validators: { etag: string | null; lastModified: string | null } | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE feed_sources SET last_polled_at = $2, last_result = $3,
         failures = 0, backed_off_until = NULL,
         etag = CASE WHEN $4 THEN $5 ELSE etag END,
         last_modified = CASE WHEN $4 THEN $6 ELSE last_modified END
       WHERE id = $1`,
      [
        id,
        at,
        result,
        validators !== null,
        validators?.etag ?? null,
        validators?.lastModified ?? null,
      ],
    );
  }

  /** A transient feed failure: the source is next polled at `until`, not at its interval. */
  async recordBackoff(
    id: string,
    at: Date,
    result: string,
    failures: number,
    until: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE feed_sources SET last_polled_at = $2, last_result = $3, failures = $4,
         backed_off_until = $5, next_poll_at = $5
       WHERE id = $1`,
      [id, at, result, failures, until],
    );
  }

  /** The keys among `keys` this source has already taken. */
  async knownItems(sourceId: string, keys: string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ item_key: string }[]>(
      'SELECT item_key FROM feed_items WHERE source_id = $1 AND item_key = ANY($2)',
      [sourceId, keys],
    );
    return new Set(rows.map((row) => row.item_key));
  }

  async recordItem(sourceId: string, item: FeedItemRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO feed_items (source_id, item_key, url, title, status, reason, agreement_id, seen_at,
                               attempts, next_attempt_at, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (source_id, item_key) DO UPDATE SET status = EXCLUDED.status,
         reason = EXCLUDED.reason, agreement_id = EXCLUDED.agreement_id,
         attempts = EXCLUDED.attempts, next_attempt_at = EXCLUDED.next_attempt_at`,
      [
        sourceId,
        item.itemKey,
        item.url,
        item.title,
        item.status,
        item.reason,
        item.agreementId,
        item.seenAt,
        item.attempts,
        item.nextAttemptAt,
        item.publishedAt,
      ],
    );
  }

  /**
   * Items whose next attempt is due at `now`, each pushed to `leaseUntil` in the same statement, so
   * two instances never retry one item at once and a crash mid-attempt only delays it.
   */
  async claimDueRetries(now: Date, leaseUntil: Date, limit: number): Promise<DueFeedItem[]> {
    const [rows] = await this.dataSource.query<[Row[], number]>(
      `UPDATE feed_items i SET next_attempt_at = $2
        WHERE (i.source_id, i.item_key) IN (
          SELECT source_id, item_key FROM feed_items
           WHERE status = 'retrying' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING i.*`,
      [now, leaseUntil, limit],
    );
    return rows.map((row) => ({ ...itemOf(row), sourceId: row['source_id'] as string }));
  }

  async listItems(sourceId: string): Promise<FeedItemRecord[]> {
    const rows = await this.dataSource.query<Row[]>(
      'SELECT * FROM feed_items WHERE source_id = $1 ORDER BY seen_at, item_key',
      [sourceId],
    );
    return rows.map(itemOf);
  }
}
