import type { EntityManager } from 'typeorm';

import { TransactionMemo } from './transaction-memo';

/** A manager inside a transaction has a query runner of its own. */
const transaction = () => ({ queryRunner: {} }) as unknown as EntityManager;

describe('a value read once per transaction', () => {
  it('reads once for every use within one transaction', async () => {
    const load = jest.fn(() => Promise.resolve(['webhook-a']));
    const memo = new TransactionMemo(load);
    const manager = transaction();

    await expect(memo.get(manager)).resolves.toEqual(['webhook-a']);
    await expect(memo.get(manager)).resolves.toEqual(['webhook-a']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads again in the next transaction, so a change made between them is seen', async () => {
    let stored = 'before';
    const memo = new TransactionMemo(() => Promise.resolve(stored));

    await expect(memo.get(transaction())).resolves.toBe('before');
    stored = 'after';
    await expect(memo.get(transaction())).resolves.toBe('after');
  });

  it('reads every time outside a transaction', async () => {
    const load = jest.fn(() => Promise.resolve(1));
    const memo = new TransactionMemo(load);
    await memo.get();
    await memo.get({} as EntityManager);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not remember a failed read', async () => {
    const load = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('connection reset'))
      .mockResolvedValueOnce('routes');
    const memo = new TransactionMemo(load);
    const manager = transaction();

    await expect(memo.get(manager)).rejects.toThrow('connection reset');
    await expect(memo.get(manager)).resolves.toBe('routes');
  });
});
