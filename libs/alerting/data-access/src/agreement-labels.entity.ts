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
