import { Column, Entity, PrimaryColumn } from 'typeorm';

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
