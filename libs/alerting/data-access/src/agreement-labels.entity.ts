import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The parties of an agreement, as its latest extraction alerting has seen names them. */
@Entity({ name: 'agreement_labels' })
export class AgreementLabelsEntity {
  @PrimaryColumn({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  @Column({ type: 'text', array: true })
  parties!: string[];

  /** An older extraction arriving late does not overwrite a newer one. */
  @Column({ type: 'timestamptz', name: 'extracted_at' })
  extractedAt!: Date;
}

/** Whether an obligation binds, by its key, as the latest extraction says. */
@Entity({ name: 'obligation_labels' })
export class ObligationLabelsEntity {
  @PrimaryColumn({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  @PrimaryColumn({ type: 'text', name: 'obligation_key' })
  obligationKey!: string;

  @Column({ type: 'boolean' })
  binding!: boolean;

  @Column({ type: 'timestamptz', name: 'extracted_at' })
  extractedAt!: Date;
}

/** The obligation a milestone tracks, from its scheduled event. */
@Entity({ name: 'milestone_obligations' })
export class MilestoneObligationEntity {
  @PrimaryColumn({ type: 'uuid', name: 'milestone_id' })
  milestoneId!: string;

  @Column({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  @Column({ type: 'text', name: 'obligation_key' })
  obligationKey!: string;
}
