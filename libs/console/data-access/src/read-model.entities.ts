import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { ObligationReviewEntity } from './obligation-review.entity';

@Entity({ name: 'agreement_views' })
export class AgreementView {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'date', name: 'published_at', nullable: true })
  publishedAt!: string | null;

  @Column({ type: 'date', name: 'signed_at', nullable: true })
  signedAt!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  parties!: string[];

  /** The latest `ClausesExtractedV1` obligations, as published. */
  @Column({ type: 'jsonb', nullable: true })
  obligations!: object[] | null;

  @Column({ type: 'text', name: 'extractor_version', nullable: true })
  extractorVersion!: string | null;

  @Index('agreement_views_ingested_at_idx')
  @Column({ type: 'timestamptz', name: 'ingested_at' })
  ingestedAt!: Date;
}

@Entity({ name: 'milestone_views' })
export class MilestoneView {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('milestone_views_agreement_idx')
  @Column({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  @Column({ type: 'text', name: 'obligation_key' })
  obligationKey!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Index('milestone_views_due_date_idx')
  @Column({ type: 'date', name: 'due_date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

@Entity({ name: 'alert_views' })
export class AlertView {
  /** The reminder's id: an alert is what alerting makes of one reminder. */
  @PrimaryColumn({ type: 'uuid', name: 'reminder_id' })
  reminderId!: string;

  @Column({ type: 'uuid', name: 'alert_id', nullable: true })
  alertId!: string | null;

  @Index('alert_views_milestone_idx')
  @Column({ type: 'uuid', name: 'milestone_id' })
  milestoneId!: string;

  @Column({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  offset!: string;

  @Column({ type: 'date', name: 'due_date' })
  dueDate!: string;

  @Index('alert_views_fired_at_idx')
  @Column({ type: 'timestamptz', name: 'fired_at' })
  firedAt!: Date;

  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  receivers!: string[];
}

/**
 * What alerting announced about the alert of one reminder since it fired. Apart from `alert_views`
 * so that an announcement projected before its reminder is kept, not dropped.
 */
@Entity({ name: 'alert_states' })
export class AlertStateView {
  @PrimaryColumn({ type: 'uuid', name: 'reminder_id' })
  reminderId!: string;

  @Column({ type: 'uuid', name: 'alert_id' })
  alertId!: string;

  @Column({ type: 'text', name: 'acknowledged_by', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'text', name: 'ack_comment', nullable: true })
  ackComment!: string | null;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', name: 'resolved_by', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'int', name: 'escalation_level', default: 0 })
  escalationLevel!: number;
}

export const readModelEntities = [
  AgreementView,
  MilestoneView,
  AlertView,
  AlertStateView,
  ObligationReviewEntity,
];
