import { Column, Entity, PrimaryColumn } from 'typeorm';

export const attemptOutcomes = [
  'in_flight',
  'delivered',
  'retry',
  'permanent',
  'abandoned',
] as const;
/** `abandoned`: the instance sending it stopped before it could record the answer. */
export type AttemptOutcome = (typeof attemptOutcomes)[number];

/** One HTTP request of a delivery, written when it starts and completed with its answer. */
@Entity({ name: 'delivery_attempts' })
export class DeliveryAttemptEntity {
  @PrimaryColumn({
    type: 'uuid',
    name: 'delivery_id',
    primaryKeyConstraintName: 'delivery_attempts_pk',
  })
  deliveryId!: string;

  @PrimaryColumn({
    type: 'int',
    name: 'attempt_number',
    primaryKeyConstraintName: 'delivery_attempts_pk',
  })
  attemptNumber!: number;

  @Column({ type: 'timestamptz', name: 'started_at' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'int', name: 'duration_ms', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'text' })
  outcome!: AttemptOutcome;

  @Column({ type: 'int', name: 'status_code', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
