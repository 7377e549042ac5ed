import type { MilestoneStatus, ReviewVerdict } from '@dealwatch/milestone-scheduler/domain';

import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** `date`: a calendar date, due at 09:00 in its zone; `instant`: due at an exact instant. */
export type DueKind = 'date' | 'instant';

/** Also `milestones_due_order_idx` on (coalesce(due_at, 'infinity'), id), for listing: see its migration. */
@Entity({ name: 'milestones' })
@Index('milestones_agreement_obligation_uq', ['agreementId', 'obligationKey'], { unique: true })
export class MilestoneEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Null for a milestone entered by hand without one. */
  @Column({ type: 'uuid', name: 'agreement_id', nullable: true })
  agreementId!: string | null;

  /**
   * The obligation's key in the extraction, stable across re-extractions of the same text;
   * `manual:<id>` for a milestone entered by hand.
   */
  @Column({ type: 'text', name: 'obligation_key' })
  obligationKey!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', nullable: true })
  owner!: string | null;

  @Column({ type: 'text' })
  status!: MilestoneStatus;

  @Column({ type: 'text', name: 'agreement_title', nullable: true })
  agreementTitle!: string | null;

  /** The sentence of the agreement that states the obligation; null when entered by hand. */
  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Column({ type: 'int', name: 'evidence_start', nullable: true })
  evidenceStart!: number | null;

  @Column({ type: 'int', name: 'evidence_end', nullable: true })
  evidenceEnd!: number | null;

  @Column({ type: 'text', name: 'deadline_expression', nullable: true })
  deadlineExpression!: string | null;

  /** Null while the milestone is a tracked commitment without a date. */
  @Column({ type: 'text', name: 'due_kind', nullable: true })
  dueKind!: DueKind | null;

  /** The calendar date it is due on, in its zone (for an instant, the date the instant falls on). */
  @Column({ type: 'date', name: 'due_date', nullable: true })
  dueDate!: string | null;

  /** The due time: 09:00 on the due date in the zone, or the instant. */
  @Column({ type: 'timestamptz', name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;

  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  /**
   * The due date the last extraction gave. A re-extraction reschedules only when this changes, so it
   * never undoes a reschedule made by a person.
   */
  @Column({ type: 'date', name: 'extracted_due_date', nullable: true })
  extractedDueDate!: string | null;

  /** ISO 8601 durations before the due time; null follows its reminder policy. */
  @Column({ type: 'text', array: true, name: 'reminder_offsets', nullable: true })
  reminderOffsets!: string[] | null;

  /**
   * The parties of its agreement, as its latest extraction names them; empty for a milestone without
   * an agreement or whose agreement has not been extracted. Indexed by `milestones_parties_idx` (GIN).
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  parties!: string[];

  /** The named reminder policy it follows; null follows the default policy. */
  @Column({ type: 'text', nullable: true })
  policy!: string | null;

  /** `HH:MM` at which a calendar due date is due and its day offsets fire; null: the policy's. */
  @Column({ type: 'text', name: 'time_of_day', nullable: true })
  timeOfDay!: string | null;

  /** ISO country code whose public holidays its reminders avoid; null: the policy's. */
  @Column({ type: 'text', nullable: true })
  jurisdiction!: string | null;

  /**
   * The milestone this one waits on: when that one is met, this one is due `anchorOffset` later.
   * Set from the extraction for deadlines counted from another commitment.
   */
  @Index('milestones_anchor_idx', { where: 'anchor_milestone_id IS NOT NULL' })
  @Column({ type: 'uuid', name: 'anchor_milestone_id', nullable: true })
  anchorMilestoneId!: string | null;

  /** ISO 8601 duration after the anchor is met. */
  @Column({ type: 'text', name: 'anchor_offset', nullable: true })
  anchorOffset!: string | null;

  /** The offset's days are business days of the milestone's jurisdiction. */
  @Column({ type: 'boolean', name: 'anchor_business_days', default: false })
  anchorBusinessDays!: boolean;

  /**
   * The latest verdict of a person's review of its obligation (`dealwatch.obligation.reviewed.v1`):
   * a corrected due date is not moved by a re-extraction, a dismissed milestone stays cancelled.
   */
  @Column({ type: 'text', name: 'review_verdict', nullable: true })
  reviewVerdict!: ReviewVerdict | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
