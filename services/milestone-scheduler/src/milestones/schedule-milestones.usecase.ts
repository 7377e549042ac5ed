import type { ClausesExtractedV1, ExtractedObligationV1, Topics } from '@dealwatch/contracts';
import type { DecodedEvent } from '@dealwatch/messaging';
import {
  MilestoneHistoryRepository,
  MilestoneRepository,
} from '@dealwatch/milestone-scheduler/data-access';
import type { MilestoneEntity } from '@dealwatch/milestone-scheduler/data-access';
import {
  chainLinkOf,
  isClosed,
  isExtractedObligation,
  milestoneTitle,
} from '@dealwatch/milestone-scheduler/domain';
import { distinctRounds, timeOrderedUuid } from '@dealwatch/persistence';
import { CLOCK, ENV } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { currentDue } from '../lifecycle/milestone-change';
import { MilestoneLifecycle } from '../lifecycle/milestone-lifecycle';
import type { Change, NewMilestoneOf } from '../lifecycle/milestone-lifecycle';
import type { SchedulerEnv } from '../scheduler.env';

const EXTRACTION = 'extraction';
export const WITHDRAWN = "no longer in the agreement's latest extraction";
export const RESTORED = "back in the agreement's latest extraction";

/**
 * One milestone per obligation: dated ones get reminders, the others are kept as tracked
 * commitments, and those counted from another commitment wait on its milestone. Re-extraction of
 * the same agreement updates milestones in place (matched by obligation key) and reschedules only
 * when the text's due date changed, so it never undoes a reschedule made by a person, nor ever moves
 * a due date corrected in review. An obligation missing from a newer extraction is cancelled by the
 * extraction, not deleted, and reopened if it comes back; one closed by a person (or dismissed in
 * review) stays closed.
 */
@Injectable()
export class ScheduleMilestonesUseCase {
  constructor(
    private readonly milestones: MilestoneRepository,
    private readonly history: MilestoneHistoryRepository,
    private readonly lifecycle: MilestoneLifecycle,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ENV) private readonly env: SchedulerEnv,
  ) {}

  /**
   * A run of extractions, in order, with a statement per step for all of them: one read locks
   * every milestone of their agreements, one insert creates their new milestones. An agreement
   * extracted twice in the run has its extractions applied one after the other.
   */
  async execute(
    events: DecodedEvent<typeof Topics.ClausesExtractedV1>[],
    manager: EntityManager,
  ): Promise<void> {
    for (const round of distinctRounds(events, (event) => event.payload.agreementId))
      await this.scheduleRound(round, manager);
  }

  /** Extractions of distinct agreements. */
  private async scheduleRound(
    events: DecodedEvent<typeof Topics.ClausesExtractedV1>[],
    manager: EntityManager,
  ): Promise<void> {
    const locked = await this.milestones.lockAllOfEach(
      manager,
      events.map((event) => event.payload.agreementId),
    );
    const plans = events.map((event) =>
      this.planOf(event, locked.get(event.payload.agreementId) ?? []),
    );
    const created = await this.lifecycle.createMany(
      manager,
      plans.flatMap((plan) =>
        [...plan.fresh.values()].map((obligation) =>
          this.newMilestone(plan.extraction, obligation, plan.change),
        ),
      ),
    );
    const planOfAgreement = new Map(plans.map((plan) => [plan.extraction.agreementId, plan]));
    for (const { milestone } of created) {
      if (milestone.agreementId)
        planOfAgreement.get(milestone.agreementId)?.byKey.set(milestone.obligationKey, milestone);
    }
    for (const plan of plans) await this.applyChanges(manager, plan);
  }

  /**
   * What an extraction does to its agreement's milestones, found from one read of them: those to
   * update, those withdrawn, whether any carries other parties, and the obligations new to it (one
   * listed twice is created once and updated by its second mention).
   */
  private planOf(
    event: DecodedEvent<typeof Topics.ClausesExtractedV1>,
    all: MilestoneEntity[],
  ): ExtractionPlan {
    const extraction = event.payload;
    const change = (reason: string | null): Change => ({
      actor: EXTRACTION,
      reason,
      at: this.clock.now(),
      correlationId: event.envelope.correlationId,
      causationId: event.envelope.id,
    });
    const keys = new Set(extraction.obligations.map((obligation) => obligation.obligationKey));
    const existing = new Map(
      all
        .filter((milestone) => keys.has(milestone.obligationKey))
        .map((milestone) => [milestone.obligationKey, milestone]),
    );
    const fresh = new Map<string, ExtractedObligationV1>();
    const later: ExtractionPlan['later'] = [];
    for (const obligation of extraction.obligations) {
      const found = existing.get(obligation.obligationKey);
      if (found || fresh.has(obligation.obligationKey)) later.push({ obligation, found });
      else fresh.set(obligation.obligationKey, obligation);
    }
    return {
      extraction,
      change,
      fresh,
      later,
      withdrawn: all.filter(
        (milestone) =>
          isExtractedObligation(milestone.obligationKey) &&
          !isClosed(milestone.status) &&
          !keys.has(milestone.obligationKey),
      ),
      otherParties: all.some((milestone) => !sameParties(milestone.parties, extraction.parties)),
      byKey: new Map(),
    };
  }

  /** Everything but creating new milestones: updates, withdrawals, chains and parties. */
  private async applyChanges(manager: EntityManager, plan: ExtractionPlan): Promise<void> {
    const { extraction, change, byKey } = plan;
    for (const { obligation, found } of plan.later) {
      const milestone = found ?? byKey.get(obligation.obligationKey);
      if (!milestone) continue;
      byKey.set(
        obligation.obligationKey,
        await this.update(manager, extraction, obligation, milestone, change),
      );
    }
    for (const gone of plan.withdrawn)
      await this.lifecycle.close(manager, gone, 'cancelled', change(WITHDRAWN));
    await this.linkChains(manager, extraction.obligations, byKey, change);
    if (plan.otherParties)
      await this.milestones.setParties(manager, extraction.agreementId, extraction.parties);
  }

  private newMilestone(
    extraction: ClausesExtractedV1,
    obligation: ExtractedObligationV1,
    change: (reason: string | null) => Change,
  ): NewMilestoneOf {
    const extractedDueDate = obligation.deadline?.dueDate ?? null;
    const expression = obligation.deadline?.expression ?? '';
    const timeZone = this.env.DEFAULT_TIME_ZONE;
    return {
      fields: {
        id: timeOrderedUuid(),
        ...describe(extraction, obligation),
        extractedDueDate,
        owner: null,
        reminderOffsets: null,
        policy: null,
        timeOfDay: null,
        jurisdiction: null,
        anchorMilestoneId: null,
        anchorOffset: null,
        anchorBusinessDays: false,
        timeZone,
      },
      due: extractedDueDate ? { dueDate: extractedDueDate, timeZone } : null,
      change: change(
        extractedDueDate ? `extracted: ${expression}` : 'extracted without a due date',
      ),
    };
  }

  /** An obligation already scheduled, its milestone locked: see the class comment. */
  private async update(
    manager: EntityManager,
    extraction: ClausesExtractedV1,
    obligation: ExtractedObligationV1,
    existing: MilestoneEntity,
    change: (reason: string | null) => Change,
  ): Promise<MilestoneEntity> {
    const fields = describe(extraction, obligation);
    const extractedDueDate = obligation.deadline?.dueDate ?? null;
    const expression = obligation.deadline?.expression ?? '';
    // A due date a person corrected in review stays, whatever the text says now.
    const textMoved =
      extractedDueDate !== null &&
      extractedDueDate !== existing.extractedDueDate &&
      existing.reviewVerdict !== 'corrected';
    const withdrawn =
      existing.status === 'cancelled' &&
      existing.reviewVerdict !== 'dismissed' &&
      (await this.history.lastChange(manager, existing.id))?.reason === WITHDRAWN;
    await this.milestones.update(manager, existing, { ...fields, extractedDueDate });
    if (withdrawn) {
      const due = textMoved
        ? { dueDate: extractedDueDate, timeZone: existing.timeZone }
        : currentDue(existing);
      await this.lifecycle.reopen(manager, existing, due, change(RESTORED));
      return existing;
    }
    if (textMoved && !isClosed(existing.status)) {
      await this.lifecycle.reschedule(
        manager,
        existing,
        { dueDate: extractedDueDate, timeZone: existing.timeZone },
        change(`re-extracted: ${expression}`),
      );
    }
    return existing;
  }

  /**
   * Links each milestone counted from another commitment to that commitment's milestone; one whose
   * anchor is already met is released at once, from the day it was met.
   */
  private async linkChains(
    manager: EntityManager,
    obligations: ExtractedObligationV1[],
    byKey: Map<string, MilestoneEntity>,
    change: (reason: string | null) => Change,
  ): Promise<void> {
    for (const obligation of obligations) {
      const milestone = byKey.get(obligation.obligationKey);
      if (!milestone) continue;
      const link = chainLinkOf(obligation, obligations);
      const anchor = link ? (byKey.get(link.anchorKey) ?? null) : null;
      const anchorMilestoneId = anchor?.id ?? null;
      const anchorOffset = anchor && link ? link.offset : null;
      const anchorBusinessDays = anchor !== null && link !== null && link.businessDays;
      if (
        milestone.anchorMilestoneId !== anchorMilestoneId ||
        milestone.anchorOffset !== anchorOffset ||
        milestone.anchorBusinessDays !== anchorBusinessDays
      ) {
        await this.milestones.update(manager, milestone, {
          anchorMilestoneId,
          anchorOffset,
          anchorBusinessDays,
        });
      }
      if (anchor?.status !== 'met' || milestone.status !== 'tracked') continue;
      const metAt = await this.history.metAt(manager, anchor.id);
      if (metAt) await this.lifecycle.release(manager, milestone, anchor, metAt, change(null));
    }
  }
}

interface ExtractionPlan {
  extraction: ClausesExtractedV1;
  change: (reason: string | null) => Change;
  fresh: Map<string, ExtractedObligationV1>;
  later: { obligation: ExtractedObligationV1; found: MilestoneEntity | undefined }[];
  withdrawn: MilestoneEntity[];
  otherParties: boolean;
  /** The agreement's milestones by obligation key, as created or updated so far. */
  byKey: Map<string, MilestoneEntity>;
}

function sameParties(stored: readonly string[] | null, extracted: readonly string[]): boolean {
  return (
    stored !== null &&
    stored.length === extracted.length &&
    stored.every((party, index) => party === extracted[index])
  );
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
    parties: extraction.parties,
  };
}
