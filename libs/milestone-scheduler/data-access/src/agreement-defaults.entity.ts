import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What an agreement's milestones follow when they name no reminder policy or jurisdiction of their
 * own. Read when reminders are planned, so a change re-plans the agreement's open milestones.
 */
@Entity({ name: 'agreement_defaults' })
export class AgreementDefaultsEntity {
  @PrimaryColumn({ type: 'uuid', name: 'agreement_id' })
  agreementId!: string;

  @Column({ type: 'text', nullable: true })
  policy!: string | null;

  @Column({ type: 'text', nullable: true })
  jurisdiction!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'text', name: 'updated_by' })
  updatedBy!: string;
}
