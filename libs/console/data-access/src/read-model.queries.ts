import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AgreementView, AlertView, MilestoneView } from './read-model.entities';

export interface TimelineWindow {
  from: string;
  to: string;
}

/** What the console's pages show; every query is bounded. */
@Injectable()
export class ReadModelQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Open milestones due in the window, and every overdue one whatever its date, overdue first. */
  timeline(window: TimelineWindow): Promise<MilestoneView[]> {
    return this.dataSource
      .getRepository(MilestoneView)
      .createQueryBuilder('m')
      .where(`(m.due_date BETWEEN :from AND :to) OR m.status = 'overdue'`, window)
      .orderBy(`CASE WHEN m.status = 'overdue' THEN 0 ELSE 1 END`)
      .addOrderBy('m.due_date', 'ASC')
      .limit(1000)
      .getMany();
  }

  agreements(
    limit = 100,
  ): Promise<Pick<AgreementView, 'id' | 'title' | 'publishedAt' | 'parties'>[]> {
    return this.dataSource.getRepository(AgreementView).find({
      select: {
        id: true,
        title: true,
        publishedAt: true,
        signedAt: true,
        parties: true,
        ingestedAt: true,
      },
      order: { ingestedAt: 'DESC' },
      take: limit,
    });
  }

  async agreement(
    id: string,
  ): Promise<{ agreement: AgreementView; milestones: MilestoneView[] } | null> {
    const agreement = await this.dataSource.getRepository(AgreementView).findOneBy({ id });
    if (!agreement) return null;
    const milestones = await this.dataSource
      .getRepository(MilestoneView)
      .find({ where: { agreementId: id }, order: { dueDate: 'ASC' } });
    return { agreement, milestones };
  }

  alerts(limit = 200): Promise<AlertView[]> {
    return this.dataSource
      .getRepository(AlertView)
      .find({ order: { firedAt: 'DESC' }, take: limit });
  }
}
