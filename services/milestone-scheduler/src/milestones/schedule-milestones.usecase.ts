import type { ClausesExtractedV1, ExtractedObligationV1, Topics } from '@dealwatch/contracts';
import type { DecodedEvent } from '@dealwatch/messaging';
import { MilestoneRepository } from '@dealwatch/milestone-scheduler/data-access';
import { isClosed, milestoneTitle } from '@dealwatch/milestone-scheduler/domain';
import { CLOCK, ENV } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

import { MilestoneLifecycle } from '../lifecycle/milestone-lifecycle';
import type { Change } from '../lifecycle/milestone-lifecycle';
import type { SchedulerEnv } from '../scheduler.env';

const EXTRACTION = 'extraction';

/**
 * One milestone per obligation: dated ones get reminders, the others are kept as tracked
 * commitments. Re-extraction of the same agreement updates milestones in place (matched by
 * obligation key) and reschedules only when the text's due date changed, so it never undoes a
 * reschedule made by a person, nor reopens a closed milestone.
 */
@Injectable()
export class ScheduleMilestonesUseCase {
  constructor(
    private readonly milestones: MilestoneRepository,
    private readonly lifecycle: MilestoneLifecycle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: SchedulerEnv,
  ) {}

  async execute(
    event: DecodedEvent<typeof Topics.ClausesExtractedV1>,
    manager: EntityManager,
  ): Promise<void> {
    const extraction = event.payload;
    const change = (reason: string): Change => ({
      actor: EXTRACTION,
      reason,
      at: this.clock.now(),
      correlationId: event.envelope.correlationId,
      causationId: event.envelope.id,
    });
    for (const obligation of extraction.obligations) {
      const fields = describe(extraction, obligation);
      const extractedDueDate = obligation.deadline?.dueDate ?? null;
      const existing = await this.milestones.lockByObligation(
        manager,
        extraction.agreementId,
        obligation.obligationKey,
      );
      if (!existing) {
        const timeZone = this.env.DEFAULT_TIME_ZONE;
        await this.lifecycle.create(
          manager,
          {
            id: randomUUID(),
            ...fields,
            extractedDueDate,
            owner: null,
            reminderOffsets: null,
            timeZone,
          },
          extractedDueDate ? { dueDate: extractedDueDate, timeZone } : null,
          change(
            extractedDueDate
              ? `extracted: ${obligation.deadline?.expression ?? ''}`
              : 'extracted without a due date',
          ),
        );
        continue;
      }
      const textMoved = extractedDueDate !== null && extractedDueDate !== existing.extractedDueDate;
      await this.milestones.update(manager, existing, { ...fields, extractedDueDate });
      if (textMoved && !isClosed(existing.status)) {
        await this.lifecycle.reschedule(
          manager,
          existing,
          { dueDate: extractedDueDate, timeZone: existing.timeZone },
          change(`re-extracted: ${obligation.deadline?.expression ?? ''}`),
        );
      }
    }
  }
}

/** What the extraction says about an obligation, apart from its date. */
function describe(extraction: ClausesExtractedV1, obligation: ExtractedObligationV1) {
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
  };
}
