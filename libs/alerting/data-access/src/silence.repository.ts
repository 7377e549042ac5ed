import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { SilenceEntity } from './silence.entity';

@Injectable()
export class SilenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(silence: SilenceEntity): Promise<SilenceEntity> {
    await this.dataSource.getRepository(SilenceEntity).insert(silence);
    return silence;
  }

  findById(id: string): Promise<SilenceEntity | null> {
    return this.dataSource.getRepository(SilenceEntity).findOneBy({ id });
  }

  /** Newest first. */
  list(limit: number): Promise<SilenceEntity[]> {
    return this.dataSource
      .getRepository(SilenceEntity)
      .find({ order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Those not over at `now` (active or still to come), oldest first. */
  notEndedAt(
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SilenceEntity[]> {
    return manager
      .getRepository(SilenceEntity)
      .find({ where: { endsAt: MoreThan(now) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Ends a silence now; false when there is none with that id or it had already ended. */
  async expire(id: string, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(SilenceEntity)
      .update({ id, endsAt: MoreThan(now) }, { endsAt: now, expiredAt: now });
    return (result.affected ?? 0) > 0;
  }
}
