import type { EntityManager } from 'typeorm';

import { GroupCommit } from './group-commit';

/** A stand-in transaction runner that records what each transaction applied. */
function recordingTransactions() {
  const committed: string[][] = [];
  let open = 0;
  let mostOpen = 0;
  return {
    committed,
    mostOpen: () => mostOpen,
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      open++;
      mostOpen = Math.max(mostOpen, open);
      try {
        return await work({} as EntityManager);
      } finally {
        open--;
      }
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit: callers arriving together share a transaction', () => {
  it('answers each caller its own result, in one transaction for those who arrived together', async () => {
    const transactions = recordingTransactions();
    const commits = new GroupCommit<string, string>({
      transaction: transactions.transaction,
      apply: async (_manager, items) => {
        await tick();
        transactions.committed.push(items);
        return items.map((item) => item.toUpperCase());
      },
      maxBatch: 10,
      concurrency: 1,
    });

    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((item) => commits.submit(item)));

    expect(answers).toEqual(['A', 'B', 'C', 'D']);
    // The first starts alone; the three arriving while it runs share the next transaction.
    expect(transactions.committed).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('puts no more than maxBatch items in one transaction, and runs no more than concurrency at once', async () => {
    const transactions = recordingTransactions();
    const commits = new GroupCommit<number, number>({
      transaction: transactions.transaction,
      apply: async (_manager, items) => {
        await tick();
        transactions.committed.push(items.map(String));
        return items;
      },
      maxBatch: 3,
      concurrency: 2,
    });

    await Promise.all(Array.from({ length: 20 }, (_, index) => commits.submit(index)));

    expect(Math.max(...transactions.committed.map((items) => items.length))).toBe(3);
    expect(transactions.committed.flat()).toHaveLength(20);
    expect(transactions.mostOpen()).toBe(2);
  });

  it('fails only the caller whose item breaks the shared transaction; the others commit alone', async () => {
    const transactions = recordingTransactions();
    const commits = new GroupCommit<string, string>({
      transaction: transactions.transaction,
      apply: async (_manager, items) => {
        await tick();
        if (items.includes('poison')) throw new Error('poison cannot be stored');
        transactions.committed.push(items);
        return items;
      },
      maxBatch: 10,
      concurrency: 1,
    });

    const outcomes = await Promise.allSettled(
      ['first', 'ok', 'poison', 'fine'].map((item) => commits.submit(item)),
    );

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(outcomes[2]).toMatchObject({ reason: new Error('poison cannot be stored') });
    expect(transactions.committed).toEqual([['first'], ['ok'], ['fine']]);
  });

  it('rejects a batch whose results do not match its items one to one', async () => {
    const commits = new GroupCommit<string, string>({
      transaction: recordingTransactions().transaction,
      apply: () => Promise.resolve([]),
      maxBatch: 10,
      concurrency: 1,
    });
    await expect(commits.submit('lonely')).rejects.toThrow('0 results for 1 items');
  });
});
