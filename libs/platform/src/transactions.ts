import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one PostgreSQL transaction. Events it appends to the outbox go out at its
 * commit: the append notifies the schema's outbox channel, which every relay listens on.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
