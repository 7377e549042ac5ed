import { Topics } from '@dealwatch/contracts';
import { EventOutbox } from '@dealwatch/messaging';
import type { OutboxEvent } from '@dealwatch/messaging';
import {
  MilestoneRepository,
  claimDueReminders,
  claimMilestonesToAdvance,
  markRemindersFired,
  nextWakeTime,
} from '@dealwatch/milestone-scheduler/data-access';
import type { DueReminder } from '@dealwatch/milestone-scheduler/data-access';
import { timeDrivenStatus } from '@dealwatch/milestone-scheduler/domain';
import { CLOCK, ENV, LOGGER, Transactions } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';
import { BatchLoop, pauseUntil } from '@dealwatch/time';

import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { MilestoneLifecycle, SCHEDULER } from '../lifecycle/milestone-lifecycle';
import type { SchedulerEnv } from '../scheduler.env';

const BATCH_SIZE = 200;

/**
 * Fires due reminders: claims them, writes their events to the outbox and marks them fired in one
 * transaction, so a crash at any point neither loses a reminder nor fires one twice. Reminders
 * whose time passed while the service was down fire at once on start, marked late, in due order.
 * The same transaction moves milestones whose due or overdue time has passed to `due` or `overdue`.
 */
@Injectable()
export class ReminderDispatcher implements OnModuleInit, OnModuleDestroy {
  private readonly loop: BatchLoop;

  constructor(
    private readonly transactions: Transactions,
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly milestones: MilestoneRepository,
    private readonly lifecycle: MilestoneLifecycle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: SchedulerEnv,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.loop = new BatchLoop({
      turn: async (batchSize) => ((await this.fireDue()) ? batchSize : 0),
      batchSize: BATCH_SIZE,
      idleMs: () => this.untilNextReminder(),
      errorBackoffMs: 1_000,
      onError: (error) => {
        this.logger.error({ err: error }, 'firing reminders failed; will retry');
      },
    });
  }

  /**
   * Starts on init rather than at bootstrap: bootstrap waits for the Kafka consumer group to form,
   * which after a crash takes a session timeout, and a backlog must fire at once. Its events wait in
   * the outbox until the relay starts.
   */
  onModuleInit(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Fires what is due now and moves milestones on; true when a batch was full (more may wait). */
  async fireDue(): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const due = await claimDueReminders(manager, now, BATCH_SIZE);
      await this.outbox.appendMany(
        manager,
        due.map((reminder) => this.reminderEvent(reminder, now)),
      );
      if (due.length > 0) {
        await markRemindersFired(
          manager,
          due.map((reminder) => reminder.reminderId),
          now,
        );
        this.logger.info({ count: due.length }, 'reminders fired');
      }
      const moreMilestones = await this.advanceMilestones(manager, now);
      return due.length === BATCH_SIZE || moreMilestones;
    });
  }

  /** Moves milestones on; true when a claim was full and more may wait. */
  private async advanceMilestones(manager: EntityManager, now: Date): Promise<boolean> {
    const { ids, full } = await claimMilestonesToAdvance(manager, now, BATCH_SIZE);
    const advances = (await this.milestones.findByIds(manager, ids)).flatMap((milestone) => {
      if (!milestone.dueAt || !milestone.overdueAt) return [];
      const status = timeDrivenStatus(
        milestone.status,
        { dueAt: milestone.dueAt, overdueAt: milestone.overdueAt },
        now,
      );
      return status ? [{ milestone, status }] : [];
    });
    // One batch per reason, so each milestone's history says why it moved.
    for (const status of ['due', 'overdue'] as const) {
      await this.lifecycle.advanceMany(
        manager,
        advances.filter((advance) => advance.status === status),
        {
          actor: SCHEDULER,
          reason: status === 'due' ? 'its due time came' : 'its due time ended unmet',
          at: now,
        },
      );
    }
    return full;
  }

  private reminderEvent(reminder: DueReminder, now: Date): OutboxEvent {
    const late = now.getTime() - reminder.fireAt.getTime() > this.env.LATE_AFTER_MS;
    const evidenceSpan: [number, number] | null =
      reminder.evidenceStart !== null && reminder.evidenceEnd !== null
        ? [reminder.evidenceStart, reminder.evidenceEnd]
        : null;
    return {
      topic: Topics.MilestoneReminderV1,
      payload: {
        reminderId: reminder.reminderId,
        milestoneId: reminder.milestoneId,
        agreementId: reminder.subject,
        title: reminder.title,
        category: reminder.category,
        offset: reminder.offset,
        dueDate: reminder.dueDate,
        scheduledFor: reminder.fireAt.toISOString(),
        firedAt: now.toISOString(),
        late,
        agreementTitle: reminder.agreementTitle,
        evidence: { text: reminder.evidence, span: evidenceSpan },
      },
      // The reminder's id doubles as the event id: a reminder is announced at most once.
      metadata: { subject: reminder.subject, eventId: reminder.reminderId },
    };
  }

  /** Until the next reminder or status change is due, but never longer than the poll interval. */
  private async untilNextReminder(): Promise<number> {
    // One read: no transaction to begin and commit, and nothing written to wake the relay for.
    const next = await nextWakeTime(this.dataSource.manager);
    return pauseUntil(next, this.clock.now(), this.env.SCHEDULER_POLL_MS);
  }
}
