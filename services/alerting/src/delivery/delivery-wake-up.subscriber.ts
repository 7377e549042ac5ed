import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

import { DeliveryWorker } from './delivery.worker';

/**
 * Wakes the delivery worker right after a transaction that created deliveries commits: not before
 * (the worker would not see the rows yet) and not after a rollback.
 */
@Injectable()
export class DeliveryWakeUp implements EntitySubscriberInterface {
  private readonly waiting = new WeakSet<QueryRunner>();

  constructor(
    dataSource: DataSource,
    private readonly worker: DeliveryWorker,
  ) {
    dataSource.subscribers.push(this);
  }

  afterCommitOf(manager: EntityManager): void {
    if (manager.queryRunner) this.waiting.add(manager.queryRunner);
    else this.worker.kick();
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // Releasing a savepoint is reported as a commit too; only the outermost one counts.
    if (queryRunner.isTransactionActive) return;
    if (this.waiting.delete(queryRunner)) this.worker.kick();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) this.waiting.delete(queryRunner);
  }
}
