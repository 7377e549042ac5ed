import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One level an alert escalated to: its history, level by level. */
@Entity({ name: 'alert_escalations' })
export class AlertEscalationEntity {
  @PrimaryColumn({
    type: 'uuid',
    name: 'alert_id',
    primaryKeyConstraintName: 'alert_escalations_pkey',
  })
  alertId!: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'alert_escalations_pkey' })
  level!: number;

  /** The level's receivers that existed when it escalated. */
  @Column({ type: 'text', array: true })
  receivers!: string[];

  @Column({ type: 'timestamptz', name: 'escalated_at' })
  escalatedAt!: Date;
}
