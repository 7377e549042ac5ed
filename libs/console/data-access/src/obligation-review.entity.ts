import type { ReviewVerdict } from '@dealwatch/contracts';

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A person's verdict on one extracted obligation, made in the console: the console is the source of
 * truth for reviews and announces each one as `dealwatch.obligation.reviewed.v1`. One per obligation.
 */
@Entity({ name: 'obligation_reviews' })
@Index('obligation_reviews_obligation_uq', ['agreementId', 'obligationKey'], { unique: true })
export class ObligationReviewEntity {
  /** Also the id of the event that announced it. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  @Column({ type: 'text', name: 'obligation_key' })
  obligationKey!: string;

  @Column({ type: 'text' })
  verdict!: ReviewVerdict;

  /** The corrected due date; null unless corrected. */
  @Column({ type: 'date', name: 'due_date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'date', name: 'extracted_due_date', nullable: true })
  extractedDueDate!: string | null;

  /** The extraction's confidence the reviewer saw. */
  @Column({ type: 'real' })
  confidence!: number;

  @Column({ type: 'text', name: 'reviewed_by' })
  reviewedBy!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Index('obligation_reviews_reviewed_at_idx')
  @Column({ type: 'timestamptz', name: 'reviewed_at' })
  reviewedAt!: Date;
}
