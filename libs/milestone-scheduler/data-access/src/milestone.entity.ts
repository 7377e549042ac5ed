import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'milestones' })
@Index('milestones_agreement_obligation_uq', ['agreementId', 'obligationKey'], { unique: true })
export class MilestoneEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('milestones_agreement_idx')
  @Column({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  /** The obligation's key in the extraction, stable across re-extractions of the same text. */
  @Column({ type: 'text', name: 'obligation_key' })
  obligationKey!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', name: 'agreement_title', nullable: true })
  agreementTitle!: string | null;

  @Column({ type: 'text' })
  evidence!: string;

  @Column({ type: 'int', name: 'evidence_start', nullable: true })
  evidenceStart!: number | null;

  @Column({ type: 'int', name: 'evidence_end', nullable: true })
  evidenceEnd!: number | null;

  @Column({ type: 'text', name: 'deadline_expression', nullable: true })
  deadlineExpression!: string | null;

  @Column({ type: 'date', name: 'due_date' })
  dueDate!: string;

  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  @Column({ type: 'timestamptz', name: 'overdue_at' })
  overdueAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
