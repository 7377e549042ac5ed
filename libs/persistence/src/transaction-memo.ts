import type { EntityManager } from 'typeorm';

/**
 * A value read at most once per transaction. A consumer applies a batch of events in one
 * transaction, and settings every event consults (routes, receivers, silences) change only through
 * the API, so reading them once per batch sees what reading them per event would, in a fraction of
 * the round trips. Outside a transaction (no manager) it reads every time.
 */
export class TransactionMemo<T> {
  private readonly values = new WeakMap<EntityManager, Promise<T>>();

  constructor(private readonly load: (manager?: EntityManager) => Promise<T>) {}

  get(manager?: EntityManager): Promise<T> {
    if (!manager?.queryRunner) return this.load(manager);
    let value = this.values.get(manager);
    if (!value) {
      value = this.load(manager);
      this.values.set(manager, value);
      // A failed read is not remembered: the transaction fails, and its retry reads again.
      value.catch(() => this.values.delete(manager));
    }
    return value;
  }
}
