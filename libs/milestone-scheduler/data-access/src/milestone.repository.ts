import type { MilestoneStatus, PlannedReminder } from '@dealwatch/milestone-scheduler/domain';
import { insertRows, insertTogether, timeOrderedUuid } from '@dealwatch/persistence';

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { MilestoneHistoryEntity } from './milestone-history.entity';
import type { MilestoneHistoryRow } from './milestone-history.repository';
import { MilestoneEntity } from './milestone.entity';
import { ReminderEntity } from './reminder.entity';

export interface MilestoneFilter {
  agreementId?: string | undefined;
  statuses?: MilestoneStatus[] | undefined;
  /** Calendar dates, both exclusive. */
  dueBefore?: string | undefined;
  dueAfter?: string | undefined;
  owner?: string | undefined;
  category?: string | undefined;
  /** One of the agreement's parties, exactly as the extraction names it. */
  party?: string | undefined;
}

/** Where a page ends: the last milestone's due time (null for tracked ones) and id. */
export interface MilestoneCursor {
  dueAt: Date | null;
  id: string;
}

/** The listing order, matching the expression index `milestones_due_order_idx`. */
const DUE_ORDER = "coalesce(m.due_at, 'infinity'::timestamptz)";

/** Milestones and their reminders. Writers lock the milestone row first, then touch its reminders. */
@Injectable()
export class MilestoneRepository {
  constructor(private readonly dataSource: DataSource) {}

  async lockById(manager: EntityManager, id: string): Promise<MilestoneEntity | null> {
    return manager
      .getRepository(MilestoneEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async lockByObligation(
    manager: EntityManager,
    agreementId: string,
    obligationKey: string,
  ): Promise<MilestoneEntity | null> {
    return manager
      .getRepository(MilestoneEntity)
      .findOne({ where: { agreementId, obligationKey }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Every milestone of each agreement, locked in id order, in one statement; an agreement without
   * any maps to [].
   */
  async lockAllOfEach(
    manager: EntityManager,
    agreementIds: readonly string[],
  ): Promise<Map<string, MilestoneEntity[]>> {
    const each = new Map(agreementIds.map((id) => [id, [] as MilestoneEntity[]]));
    if (agreementIds.length === 0) return each;
    const locked = await manager.getRepository(MilestoneEntity).find({
      where: { agreementId: In([...agreementIds]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const milestone of locked) {
      if (milestone.agreementId) each.get(milestone.agreementId)?.push(milestone);
    }
    return each;
  }

  /** The agreement's dated milestones still running (pending, due, overdue), locked. */
  async lockOpenDated(manager: EntityManager, agreementId: string): Promise<MilestoneEntity[]> {
    return manager.getRepository(MilestoneEntity).find({
      where: { agreementId, status: In(['pending', 'due', 'overdue']) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Milestones waiting on `anchorId` that have no date of their own yet, locked. */
  async lockWaitingOn(manager: EntityManager, anchorId: string): Promise<MilestoneEntity[]> {
    return manager.getRepository(MilestoneEntity).find({
      where: { anchorMilestoneId: anchorId, status: 'tracked' },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** New milestones, their first reminders and the history rows of their creation, in one statement. */
  async insertMany(
    manager: EntityManager,
    created: {
      milestones: MilestoneEntity[];
      reminders: ReminderEntity[];
      history: MilestoneHistoryRow[];
    },
  ): Promise<void> {
    await insertTogether(manager, [
      { target: MilestoneEntity, rows: created.milestones },
      { target: ReminderEntity, rows: created.reminders },
      { target: MilestoneHistoryEntity, rows: created.history },
    ]);
  }

  async update(
    manager: EntityManager,
    milestone: MilestoneEntity,
    changes: Partial<Omit<MilestoneEntity, 'id' | 'createdAt' | 'updatedAt'>>,
  ): Promise<MilestoneEntity> {
    await manager.getRepository(MilestoneEntity).update({ id: milestone.id }, changes);
    return Object.assign(milestone, changes);
  }

  /** New statuses for many milestones in one statement. */
  async setStatuses(
    manager: EntityManager,
    changes: { id: string; status: MilestoneStatus }[],
  ): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `UPDATE milestones m SET status = c.status, updated_at = CURRENT_TIMESTAMP
         FROM unnest($1::uuid[], $2::text[]) AS c(id, status)
        WHERE m.id = c.id`,
      [changes.map((change) => change.id), changes.map((change) => change.status)],
    );
  }

  /** Every milestone of the agreement, those entered by hand included, takes its parties. */
  async setParties(manager: EntityManager, agreementId: string, parties: string[]): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MilestoneEntity)
      .set({ parties })
      .where('agreement_id = :agreementId AND parties IS DISTINCT FROM :parties::text[]', {
        agreementId,
        parties,
      })
      .execute();
  }

  /** The parties the agreement's milestones carry; empty when none has been extracted. */
  async partiesOf(manager: EntityManager, agreementId: string): Promise<string[]> {
    const milestone = await manager
      .getRepository(MilestoneEntity)
      .findOne({ select: { parties: true }, where: { agreementId }, order: { updatedAt: 'DESC' } });
    return milestone?.parties ?? [];
  }

  async findById(id: string): Promise<MilestoneEntity | null> {
    return this.dataSource.getRepository(MilestoneEntity).findOneBy({ id });
  }

  async findByIds(manager: EntityManager, ids: string[]): Promise<MilestoneEntity[]> {
    if (ids.length === 0) return [];
    return manager.getRepository(MilestoneEntity).findBy({ id: In(ids) });
  }

  /** Reminders of the given milestones in firing order (overdue after a reminder at the same time). */
  async remindersOf(milestoneIds: string[], manager?: EntityManager): Promise<ReminderEntity[]> {
    if (milestoneIds.length === 0) return [];
    return (manager ?? this.dataSource.manager)
      .getRepository(ReminderEntity)
      .createQueryBuilder('r')
      .where('r.milestoneId IN (:...milestoneIds)', { milestoneIds })
      .orderBy('r.fireAt')
      .addOrderBy(`r."offset" = 'overdue'`)
      .addOrderBy('r.id')
      .getMany();
  }

  /**
   * Replaces the reminders of a milestone that have not fired with a new plan; fired ones stay as
   * the record of what was sent. Returns every reminder of the milestone, fired ones included.
   */
  async replaceUnfiredReminders(
    manager: EntityManager,
    milestoneId: string,
    planned: PlannedReminder[],
  ): Promise<ReminderEntity[]> {
    const reminders = manager.getRepository(ReminderEntity);
    // Cancelled ones belong to a closed milestone, planned again only when an extraction reopens it.
    await reminders.delete({ milestoneId, status: In(['pending', 'skipped', 'cancelled']) });
    await insertRows(manager, ReminderEntity, newReminders(milestoneId, planned));
    return this.remindersOf([milestoneId], manager);
  }

  /**
   * One page of milestones in due order (tracked ones, without a due time, last), after `cursor`:
   * a keyset range on `milestones_due_order_idx`, so a deep page costs what the first does.
   */
  async list(
    filter: MilestoneFilter,
    cursor: MilestoneCursor | null,
    limit: number,
  ): Promise<MilestoneEntity[]> {
    const query = this.dataSource.getRepository(MilestoneEntity).createQueryBuilder('m');
    if (filter.agreementId) query.andWhere('m.agreementId = :agreementId', filter);
    if (filter.statuses?.length) query.andWhere('m.status IN (:...statuses)', filter);
    if (filter.dueBefore) query.andWhere('m.dueDate < :dueBefore', filter);
    if (filter.dueAfter) query.andWhere('m.dueDate > :dueAfter', filter);
    if (filter.owner) query.andWhere('m.owner = :owner', filter);
    if (filter.category) query.andWhere('m.category = :category', filter);
    if (filter.party) query.andWhere('m.parties @> ARRAY[:party]::text[]', filter);
    if (cursor) {
      query.andWhere(`(${DUE_ORDER}, m.id) > (:cursorDueAt::timestamptz, :cursorId::uuid)`, {
        cursorDueAt: cursor.dueAt ?? 'infinity',
        cursorId: cursor.id,
      });
    }
    return query.orderBy(DUE_ORDER, 'ASC').addOrderBy('m.id', 'ASC').limit(limit).getMany();
  }

  /** A closed milestone sends nothing more: its pending reminders are cancelled. */
  async cancelPendingReminders(manager: EntityManager, milestoneId: string): Promise<void> {
    await manager
      .getRepository(ReminderEntity)
      .update({ milestoneId, status: 'pending' }, { status: 'cancelled' });
  }
}

/** A milestone's planned reminders as new rows, not fired yet, each under a new time-ordered id. */
export function newReminders(
  milestoneId: string,
  planned: readonly PlannedReminder[],
): ReminderEntity[] {
  return planned.map((reminder) => ({
    id: timeOrderedUuid(),
    milestoneId,
    ...reminder,
    firedAt: null,
  }));
}
