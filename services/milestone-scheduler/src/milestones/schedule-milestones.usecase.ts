import { Topics } from '@dealwatch/contracts';
import type { ClausesExtractedV1, ExtractedObligationV1 } from '@dealwatch/contracts';
import type { DecodedEvent } from '@dealwatch/messaging';
import { EventOutbox } from '@dealwatch/messaging';
import { MilestoneRepository } from '@dealwatch/milestone-scheduler/data-access';
import type { SavedMilestone } from '@dealwatch/milestone-scheduler/data-access';
import { milestoneTitle, planReminders } from '@dealwatch/milestone-scheduler/domain';
import { CLOCK, ENV } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { SchedulerEnv } from '../scheduler.env';

/**
 * One milestone per obligation with a resolved due date. Re-extraction of the same agreement updates
 * milestones in place (matched by obligation key) instead of adding new ones.
 */
@Injectable()
export class ScheduleMilestonesUseCase {
  constructor(
    private readonly milestones: MilestoneRepository,
    private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: SchedulerEnv,
  ) {}

  async execute(
    event: DecodedEvent<typeof Topics.ClausesExtractedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const extraction = event.payload;
    for (const obligation of extraction.obligations) {
      const dueDate = obligation.deadline?.dueDate;
      if (!dueDate) continue;
      const saved = await this.milestones.save(
        manager,
        this.draft(extraction, obligation, dueDate),
        () =>
          planReminders(
            { dueDate, timeZone: this.env.DEFAULT_TIME_ZONE },
            this.env.REMINDER_OFFSETS,
            this.clock.now(),
          ),
      );
      if (saved.change !== 'updated')
        await this.announce(manager, saved, event.envelope.correlationId, event.envelope.id);
    }
  }

  private draft(
    extraction: ClausesExtractedV1,
    obligation: ExtractedObligationV1,
    dueDate: string,
  ) {
    return {
      agreementId: extraction.agreementId,
      obligationKey: obligation.obligationKey,
      title: milestoneTitle(obligation),
      category: obligation.category,
      agreementTitle: extraction.title,
      evidence: obligation.text,
      evidenceStart: obligation.span[0],
      evidenceEnd: obligation.span[1],
      deadlineExpression: obligation.deadline?.expression ?? null,
      dueDate,
      timeZone: this.env.DEFAULT_TIME_ZONE,
    };
  }

  private async announce(
    manager: EntityManager,
    saved: SavedMilestone,
    correlationId: string,
    causationId: string,
  ) {
    const { milestone, reminders } = saved;
    await this.outbox.append(
      manager,
      Topics.MilestoneScheduledV1,
      {
        milestoneId: milestone.id,
        agreementId: milestone.agreementId,
        obligationKey: milestone.obligationKey,
        title: milestone.title,
        category: milestone.category,
        dueDate: milestone.dueDate,
        overdueAt: milestone.overdueAt.toISOString(),
        evidence: milestone.evidence,
        reminders: reminders.map((reminder) => ({
          reminderId: reminder.id,
          offset: reminder.offset,
          fireAt: reminder.fireAt.toISOString(),
          status: reminder.status,
        })),
      },
      { subject: milestone.agreementId, correlationId, causationId },
    );
  }
}
