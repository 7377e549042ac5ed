import { Column, Entity, PrimaryColumn } from 'typeorm';

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
