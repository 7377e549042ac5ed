import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { RoutingTreeEntity } from './routing-tree.entity';
import type { RoutingTreeSource } from './routing-tree.entity';

const THE_TREE = 1;

@Injectable()
export class RoutingTreeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null until a tree was set: the default route applies. */
  current(manager: EntityManager = this.dataSource.manager): Promise<RoutingTreeEntity | null> {
    return manager.getRepository(RoutingTreeEntity).findOneBy({ id: THE_TREE });
  }

  async replace(
    tree: Record<string, unknown>,
    source: RoutingTreeSource,
    now: Date,
  ): Promise<RoutingTreeEntity> {
    const row = { id: THE_TREE, tree, source, updatedAt: now };
    await this.dataSource.query(
      `INSERT INTO routing_tree (id, tree, source, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE
       SET tree = EXCLUDED.tree, source = EXCLUDED.source, updated_at = EXCLUDED.updated_at`,
      [THE_TREE, JSON.stringify(tree), source, now],
    );
    return row;
  }
}
