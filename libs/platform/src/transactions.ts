import { OutboxRelay } from '@dealwatch/messaging';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one PostgreSQL transaction, then wakes the outbox relay so events written in
 * it go out at once instead of at the next poll.
 */
@Injectable()
export class Transactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.afterCommit();
    return result;
  }

  afterCommit(): void {
    this.relay.kick();
  }
}
