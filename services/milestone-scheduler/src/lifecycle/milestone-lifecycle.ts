import { EventOutbox } from '@dealwatch/messaging';
import {
  AgreementDefaultsRepository,
  MilestoneHistoryRepository,
  MilestoneRepository,
  newReminders,
} from '@dealwatch/milestone-scheduler/data-access';
import type {
  AgreementDefaultsEntity,
  MilestoneEntity,
  ReminderEntity,
} from '@dealwatch/milestone-scheduler/data-access';
import { chainedDueDate } from '@dealwatch/milestone-scheduler/domain';
import type {
  ClosedStatus,
  MilestoneDue,
  OpenStatus,
  ReminderPlan,
} from '@dealwatch/milestone-scheduler/domain';
import { calendarDateIn } from '@dealwatch/time';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { ReminderPolicyBook } from '../policies/reminder-policy-book';
import { beforeOf, currentDue, historyOf, scheduleOf, unscheduled } from './milestone-change';
import type { Before } from './milestone-change';
import { scheduledEvents, statusChangedEvent } from './milestone-events';

/** The actor of changes the service makes itself: time passing, a chain released. */
export const SCHEDULER = 'scheduler';

/** Who changed a milestone, why and when, and the event that caused it if any. */
export interface Change {
  actor: string;
  reason: string | null;
  at: Date;
  correlationId?: string | null;
  causationId?: string | null;
}

export interface PlannedMilestone {
  milestone: MilestoneEntity;
  /** Every reminder of the milestone, fired ones included, in firing order. */
  reminders: ReminderEntity[];
}

/** A milestone's own fields; its status and schedule follow from its due. */
export type NewMilestone = Omit<
  MilestoneEntity,
  | 'status'
  | 'dueKind'
  | 'dueDate'
  | 'dueAt'
  | 'overdueAt'
  | 'reviewVerdict'
  | 'createdAt'
  | 'updatedAt'
>;

/** A milestone to create: its fields, its due (null for a tracked commitment), and why. */
export interface NewMilestoneOf {
  fields: NewMilestone;
  due: MilestoneDue | null;
  change: Change;
}

/**
 * Every change of a milestone goes through here, inside the caller's transaction and after the
 * caller has locked the milestone: the row, its reminders, one audit row, and the events
 * (`milestone.status-changed` for each change, `milestone.scheduled` whenever reminders are planned).
 */
@Injectable()
export class MilestoneLifecycle {
  constructor(
    private readonly milestones: MilestoneRepository,
    private readonly history: MilestoneHistoryRepository,
    private readonly outbox: EventOutbox,
    private readonly policies: ReminderPolicyBook,
    private readonly defaults: AgreementDefaultsRepository,
  ) {}

  /** A new milestone: pending with its reminders when it has a due, else a tracked commitment. */
  async create(
    manager: EntityManager,
    fields: NewMilestone,
    due: MilestoneDue | null,
    change: Change,
  ): Promise<PlannedMilestone> {
    const [created] = await this.createMany(manager, [{ fields, due, change }]);
    if (!created) throw new Error(`milestone ${fields.id} was not created`);
    return created;
  }

  /**
   * New milestones, each as `create` makes it, with a statement per table for all of them rather
   * than several per milestone: an extraction brings a new agreement's milestones at once.
   */
  async createMany(manager: EntityManager, news: NewMilestoneOf[]): Promise<PlannedMilestone[]> {
    const defaults = await this.defaultsOfEach(manager, news);
    const created: (PlannedMilestone & { change: Change })[] = [];
    for (const { fields, due, change } of news) {
      const plan = due ? await this.plan(manager, fields, due, change.at, defaults) : null;
      const milestone: MilestoneEntity = {
        ...fields,
        ...(due && plan ? scheduleOf(due, plan) : unscheduled(fields.timeZone)),
        status: plan ? 'pending' : 'tracked',
        reviewVerdict: null,
        createdAt: change.at,
        updatedAt: change.at,
      };
      const reminders = newReminders(milestone.id, plan?.reminders ?? []).sort(inFiringOrder);
      created.push({ milestone, reminders, change });
    }
    await this.milestones.insertMany(manager, {
      milestones: created.map(({ milestone }) => milestone),
      reminders: created.flatMap(({ reminders }) => reminders),
      history: created.map(({ milestone, change }) => ({
        ...historyOf({ status: null, dueDate: null, dueAt: null }, milestone, change),
        eventId: null,
      })),
    });
    await this.outbox.appendMany(
      manager,
      created.flatMap(({ milestone, reminders, change }) =>
        milestone.status === 'pending' ? scheduledEvents(milestone, reminders, change) : [],
      ),
    );
    return created.map(({ milestone, reminders }) => ({ milestone, reminders }));
  }

  /**
   * A new due date or instant: reminders not yet fired are planned again, fired ones stay. The
   * milestone is pending again; if the new due has already passed, time moves it on at once.
   */
  async reschedule(
    manager: EntityManager,
    milestone: MilestoneEntity,
    due: MilestoneDue,
    change: Change,
  ): Promise<PlannedMilestone> {
    const before = beforeOf(milestone);
    const plan = await this.plan(manager, milestone, due, change.at);
    await this.milestones.update(manager, milestone, {
      ...scheduleOf(due, plan),
      status: 'pending',
    });
    const reminders = await this.milestones.replaceUnfiredReminders(
      manager,
      milestone.id,
      plan.reminders,
    );
    await this.record(manager, before, milestone, change);
    await this.announceSchedule(manager, milestone, reminders, change);
    return { milestone, reminders };
  }

  /**
   * Met, waived or cancelled by a person: final, and nothing more is sent. A milestone met releases
   * the milestones waiting on it.
   */
  async close(
    manager: EntityManager,
    milestone: MilestoneEntity,
    status: ClosedStatus,
    change: Change,
  ): Promise<void> {
    const before = beforeOf(milestone);
    await this.milestones.update(manager, milestone, { status });
    await this.milestones.cancelPendingReminders(manager, milestone.id);
    await this.record(manager, before, milestone, change);
    if (status !== 'met') return;
    for (const waiting of await this.milestones.lockWaitingOn(manager, milestone.id))
      await this.release(manager, waiting, milestone, change.at, change);
  }

  /**
   * A chained milestone whose anchor was met at `metAt` gets its due date: the offset after the day
   * the anchor was met, in the chained milestone's zone. The caller has locked it.
   */
  async release(
    manager: EntityManager,
    waiting: MilestoneEntity,
    anchor: MilestoneEntity,
    metAt: Date,
    change: Change,
  ): Promise<void> {
    if (!waiting.anchorOffset || waiting.status !== 'tracked') return;
    const metDate = calendarDateIn(metAt, waiting.timeZone);
    const calendar = waiting.anchorBusinessDays
      ? { skipWeekends: true, holidays: await this.jurisdictionOf(manager, waiting) }
      : null;
    const dueDate = chainedDueDate(metDate, waiting.anchorOffset, calendar);
    await this.reschedule(
      manager,
      waiting,
      { dueDate, timeZone: waiting.timeZone },
      {
        ...change,
        actor: SCHEDULER,
        reason: `due ${waiting.anchorOffset}${calendar ? ' (business days)' : ''} after "${anchor.title}", met on ${metDate}`,
      },
    );
  }

  /** A milestone an extraction withdrew and gave back: planned again on `due`, or tracked. */
  async reopen(
    manager: EntityManager,
    milestone: MilestoneEntity,
    due: MilestoneDue | null,
    change: Change,
  ): Promise<void> {
    if (due) {
      await this.reschedule(manager, milestone, due, change);
      return;
    }
    const before = beforeOf(milestone);
    await this.milestones.update(manager, milestone, { status: 'tracked' });
    await this.record(manager, before, milestone, change);
  }

  /** A record in its history that changes nothing, such as a person confirming the extraction. */
  async note(manager: EntityManager, milestone: MilestoneEntity, change: Change): Promise<void> {
    const unchanged = beforeOf(milestone);
    await this.history.append(manager, {
      ...historyOf(unchanged, milestone, change),
      eventId: null,
    });
  }

  /** Time moved an open milestone on: pending -> due -> overdue. */
  async advance(
    manager: EntityManager,
    milestone: MilestoneEntity,
    status: OpenStatus,
    change: Change,
  ): Promise<void> {
    await this.advanceMany(manager, [{ milestone, status }], change);
  }

  /**
   * Status changes the clock brings to many milestones at once, a statement per table for all of
   * them: a backlog after downtime, or a burst of past-due agreements, moves in a few round trips.
   */
  async advanceMany(
    manager: EntityManager,
    advances: { milestone: MilestoneEntity; status: OpenStatus }[],
    change: Change,
  ): Promise<void> {
    if (advances.length === 0) return;
    const moves = advances.map(({ milestone, status }) => ({
      milestone,
      status,
      before: beforeOf(milestone),
    }));
    await this.milestones.setStatuses(
      manager,
      moves.map(({ milestone, status }) => ({ id: milestone.id, status })),
    );
    for (const { milestone, status } of moves) milestone.status = status;
    await this.recordMany(
      manager,
      moves.map(({ milestone, before }) => ({ before, after: milestone })),
      change,
    );
  }

  /**
   * The reminders of an open dated milestone planned again on its own due, after its policy changed:
   * status and due stay, offsets already fired are not planned again.
   */
  async replan(manager: EntityManager, milestone: MilestoneEntity, change: Change): Promise<void> {
    const due = currentDue(milestone);
    if (!due) return;
    const fired = new Set(
      (await this.milestones.remindersOf([milestone.id], manager))
        .filter((reminder) => reminder.status === 'fired')
        .map((reminder) => reminder.offset),
    );
    const before = beforeOf(milestone);
    const plan = await this.plan(manager, milestone, due, change.at);
    // A new time of day moves a calendar due date's due time, not its date or status.
    await this.milestones.update(manager, milestone, scheduleOf(due, plan));
    const reminders = await this.milestones.replaceUnfiredReminders(
      manager,
      milestone.id,
      plan.reminders.filter((reminder) => !fired.has(reminder.offset)),
    );
    await this.record(manager, before, milestone, change);
    await this.announceSchedule(manager, milestone, reminders, change);
  }

  /** Under the milestone's own policy and jurisdiction, else its agreement's, else the default. */
  private async plan(
    manager: EntityManager,
    milestone: NewMilestone,
    due: MilestoneDue,
    now: Date,
    defaults?: ReadonlyMap<string, AgreementDefaultsEntity>,
  ): Promise<ReminderPlan> {
    return this.policies.plan(await this.resolved(manager, milestone, defaults), due, now);
  }

  /** Whose public holidays a business-day count skips: the milestone's, its agreement's, or its policy's. */
  private async jurisdictionOf(
    manager: EntityManager,
    milestone: NewMilestone,
  ): Promise<string | null> {
    const resolved = await this.resolved(manager, milestone);
    return resolved.jurisdiction ?? this.policies.policyOf(resolved).holidays;
  }

  /** The defaults of every agreement of the dated milestones given, read in one statement. */
  private defaultsOfEach(
    manager: EntityManager,
    news: readonly NewMilestoneOf[],
  ): Promise<Map<string, AgreementDefaultsEntity>> {
    const agreementIds = new Set(
      news.flatMap(({ fields, due }) => (due && fields.agreementId ? [fields.agreementId] : [])),
    );
    return this.defaults.findMany(manager, [...agreementIds]);
  }

  /**
   * The milestone with its agreement's defaults filled in: from `known` (read beforehand for
   * milestones planned together, an agreement absent from it having none), else read now.
   */
  private async resolved(
    manager: EntityManager,
    milestone: NewMilestone,
    known?: ReadonlyMap<string, AgreementDefaultsEntity>,
  ): Promise<NewMilestone> {
    const { agreementId } = milestone;
    let agreement: AgreementDefaultsEntity | null | undefined = null;
    if (agreementId)
      agreement = known ? known.get(agreementId) : await this.defaults.find(manager, agreementId);
    const policy = milestone.policy ?? agreement?.policy ?? null;
    const jurisdiction = milestone.jurisdiction ?? agreement?.jurisdiction ?? null;
    return { ...milestone, policy, jurisdiction };
  }

  private async record(
    manager: EntityManager,
    before: Before,
    after: MilestoneEntity,
    change: Change,
  ): Promise<void> {
    await this.recordMany(manager, [{ before, after }], change);
  }

  /** Each change's `milestone.status-changed` event and its audit row naming the event. */
  private async recordMany(
    manager: EntityManager,
    changes: { before: Before; after: MilestoneEntity }[],
    change: Change,
  ): Promise<void> {
    const eventIds = await this.outbox.appendMany(
      manager,
      changes.map(({ before, after }) => statusChangedEvent(before, after, change)),
    );
    await this.history.appendMany(
      manager,
      changes.map(({ before, after }, index) => ({
        ...historyOf(before, after, change),
        eventId: eventIds[index] ?? null,
      })),
    );
  }

  private async announceSchedule(
    manager: EntityManager,
    milestone: MilestoneEntity,
    reminders: ReminderEntity[],
    change: Change,
  ): Promise<void> {
    await this.outbox.appendMany(manager, scheduledEvents(milestone, reminders, change));
  }
}

/** The order `remindersOf` reads them in: by time, the overdue one after others at its time. */
function inFiringOrder(a: ReminderEntity, b: ReminderEntity): number {
  return (
    a.fireAt.getTime() - b.fireAt.getTime() ||
    Number(a.offset === 'overdue') - Number(b.offset === 'overdue') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
