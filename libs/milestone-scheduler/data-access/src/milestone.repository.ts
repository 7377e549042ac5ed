import type { ReminderPlan } from '@dealwatch/milestone-scheduler/domain';

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Not } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { MilestoneEntity } from './milestone.entity';
import { ReminderEntity } from './reminder.entity';

export type MilestoneDraft = Omit<MilestoneEntity, 'id' | 'overdueAt' | 'createdAt' | 'updatedAt'>;

export interface SavedMilestone {
  milestone: MilestoneEntity;
  reminders: ReminderEntity[];
  change: 'created' | 'rescheduled' | 'updated';
}

export interface MilestoneWithReminders extends MilestoneEntity {
  reminders: ReminderEntity[];
}

@Injectable()
export class MilestoneRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates the milestone of an obligation, or updates it in place when the same obligation is seen
   * again. A new due date replaces the reminders not yet fired; fired ones stay as history.
   */
  async save(
    manager: EntityManager,
    draft: MilestoneDraft,
    plan: () => ReminderPlan,
  ): Promise<SavedMilestone> {
    const milestones = manager.getRepository(MilestoneEntity);
    const reminders = manager.getRepository(ReminderEntity);
    const existing = await milestones.findOne({
      where: { agreementId: draft.agreementId, obligationKey: draft.obligationKey },
      lock: { mode: 'pessimistic_write' },
    });
    if (existing && existing.dueDate === draft.dueDate && existing.timeZone === draft.timeZone) {
      await milestones.update({ id: existing.id }, draft);
      const current = await reminders.findBy({ milestoneId: existing.id });
      return { milestone: { ...existing, ...draft }, reminders: current, change: 'updated' };
    }

    const planned = plan();
    const milestone: MilestoneEntity = {
      ...(existing ?? { id: randomUUID(), createdAt: new Date(), updatedAt: new Date() }),
      ...draft,
      overdueAt: planned.overdueAt,
    };
    await milestones.save(milestone);
    if (existing) await reminders.delete({ milestoneId: existing.id, status: Not('fired') });
    const rows = planned.reminders.map((reminder) =>
      reminders.create({ id: randomUUID(), milestoneId: milestone.id, ...reminder, firedAt: null }),
    );
    await reminders.insert(rows);
    return { milestone, reminders: rows, change: existing ? 'rescheduled' : 'created' };
  }

  async listByAgreement(agreementId: string | undefined): Promise<MilestoneWithReminders[]> {
    const milestones = await this.dataSource.getRepository(MilestoneEntity).find({
      where: agreementId ? { agreementId } : {},
      order: { dueDate: 'ASC', createdAt: 'ASC' },
      take: 500,
    });
    if (milestones.length === 0) return [];
    const reminders = await this.dataSource.getRepository(ReminderEntity).find({
      where: { milestoneId: In(milestones.map((milestone) => milestone.id)) },
      order: { fireAt: 'ASC' },
    });
    return milestones.map((milestone) => ({
      ...milestone,
      reminders: reminders.filter((reminder) => reminder.milestoneId === milestone.id),
    }));
  }
}
