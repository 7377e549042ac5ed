import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const alertStates = ['firing', 'silenced', 'inhibited', 'acknowledged', 'resolved'] as const;
/**
 * `firing`: sent (or being sent) to its receivers. `silenced`: a silence matched when it was
 * recorded, so nothing was sent. `inhibited`: an overdue alert of its milestone made it moot before
 * it was sent. `acknowledged` and `resolved`: a person took it on, or the milestone was settled.
 */
export type AlertState = (typeof alertStates)[number];

/** One reminder turned into an alert. Everything a person sees about it is kept as sent. */
@Entity({ name: 'alerts' })
@Index('alerts_agreement_id_created_at_idx', ['agreementId', 'createdAt'])
@Index('alerts_milestone_id_created_at_idx', ['milestoneId', 'createdAt'])
@Index('alerts_escalate_at_due_idx', ['escalateAt'], {
  where: "state = 'firing' AND escalate_at IS NOT NULL",
})
export class AlertEntity {
  /** Derived from the reminder id: also the `webhook-id` receivers de-duplicate on. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** One alert per reminder, however often the reminder is delivered or re-fired. */
  @Index('alerts_reminder_id_uq', { unique: true })
  @Column({ type: 'uuid', name: 'reminder_id' })
  reminderId!: string;

  @Column({ type: 'uuid', name: 'milestone_id' })
  milestoneId!: string;

  @Column({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  @Column({ type: 'text', name: 'agreement_title', nullable: true })
  agreementTitle!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  /** `offset` is an SQL keyword. */
  @Column({ type: 'text', name: 'reminder_offset' })
  offset!: string;

  @Column({ type: 'date', name: 'due_date' })
  dueDate!: string;

  @Column({ type: 'text' })
  severity!: string;

  @Column({ type: 'text' })
  summary!: string;

  /** The exact JSON posted: every attempt sends the same bytes. */
  @Column({ type: 'text' })
  body!: string;

  /** The `ce_id` of the reminder event that created it (the first, when there were several). */
  @Column({ type: 'text', name: 'source_event_id' })
  sourceEventId!: string;

  @Column({ type: 'text', name: 'correlation_id' })
  correlationId!: string;

  @Column({ type: 'text' })
  state!: AlertState;

  /** The silence that kept it from being sent. */
  @Column({ type: 'uuid', name: 'silence_id', nullable: true })
  silenceId!: string | null;

  /** The overdue alert that made it moot. */
  @Column({ type: 'uuid', name: 'inhibited_by', nullable: true })
  inhibitedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'text', name: 'acknowledged_by', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ type: 'text', name: 'ack_comment', nullable: true })
  ackComment!: string | null;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  /** The milestone status that resolved it: met, waived or cancelled. */
  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  @Column({ type: 'text', name: 'resolved_by', nullable: true })
  resolvedBy!: string | null;

  /** The levels it escalates to while unacknowledged, as its route said when it was recorded. */
  @Column({ type: 'jsonb', name: 'escalation_levels', nullable: true })
  escalationLevels!: string[][] | null;

  /** ISO 8601 duration between levels. */
  @Column({ type: 'text', name: 'escalate_after', nullable: true })
  escalateAfter!: string | null;

  /** Levels reached so far. */
  @Column({ type: 'int', name: 'escalation_level', default: 0 })
  escalationLevel!: number;

  /** When the next level is due; null when there is none. */
  @Column({ type: 'timestamptz', name: 'escalate_at', nullable: true })
  escalateAt!: Date | null;

  @Index('alerts_created_at_idx')
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
