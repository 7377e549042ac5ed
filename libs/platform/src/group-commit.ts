import type { EntityManager } from 'typeorm';

export interface GroupCommitOptions<Item, Result> {
  /** Runs work in one transaction (e.g. `Transactions.run`). */
  transaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;
  /** Applies items in one transaction, in order; answers one result per item. */
  apply: (manager: EntityManager, items: Item[]) => Promise<Result[]>;
  /** Items in one transaction at most. */
  maxBatch: number;
  /** Transactions at once; items waiting meanwhile go into the next one. */
  concurrency: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: callers that arrive while transactions are running share the next one, so under
 * load many units of work pay for one BEGIN, one round of locks and one COMMIT, and a chain of
 * writers waiting on the same locks becomes one transaction instead of a queue of them. When a
 * shared transaction fails, each of its items is applied again in a transaction of its own, so one
 * caller's bad item fails that caller alone.
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: Waiting<Item, Result>[] = [];
  private running = 0;

  constructor(private readonly options: GroupCommitOptions<Item, Result>) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running++;
      void this.commit(batch).finally(() => {
        this.running--;
        this.startBatches();
      });
    }
  }

  private async commit(batch: Waiting<Item, Result>[]): Promise<void> {
    let results: Result[];
    try {
      results = await this.options.transaction(async (manager) => {
        const applied = await this.options.apply(
          manager,
          batch.map((waiting) => waiting.item),
        );
        if (applied.length !== batch.length)
          throw new Error(`${applied.length} results for ${batch.length} items`);
        return applied;
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One after another: they contend for the same locks, and the pool is not theirs alone.
      for (const waiting of batch) await this.commit([waiting]);
      return;
    }
    results.forEach((result, index) => batch[index]?.resolve(result));
  }
}
