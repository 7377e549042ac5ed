import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** `empty`: its time came with nothing to tell, and the receiver sends no empty digest. */
export const digestStatuses = ['pending', 'in_flight', 'delivered', 'dead', 'empty'] as const;
export type DigestStatus = (typeof digestStatuses)[number];

/**
 * One receiver's summary of one day: the alerts collected for it go out together at `dueAt`.
 * Claimed, leased and retried like a delivery; its body is fixed at the first attempt, so every
 * attempt sends the same bytes under the same `webhook-id` (its id).
 */
@Entity({ name: 'digests' })
@Index('digests_receiver_due_at_uq', ['receiver', 'dueAt'], { unique: true })
@Index('digests_pending_due_idx', ['nextAttemptAt'], { where: "status = 'pending'" })
@Index('digests_in_flight_lease_idx', ['leaseUntil'], { where: "status = 'in_flight'" })
export class DigestEntity {
  /** Derived from the receiver and `dueAt` (see the domain's digestIdFor). */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  receiver!: string;

  /** The receiver managed through the API; null for one of ALERT_WEBHOOK_URLS. */
  @Column({ type: 'uuid', name: 'receiver_id', nullable: true })
  receiverId!: string | null;

  @Column({ type: 'timestamptz', name: 'due_at' })
  dueAt!: Date;

  /** The day it summarises, in `timeZone`. */
  @Column({ type: 'date', name: 'local_date' })
  localDate!: string;

  @Column({ type: 'text', name: 'time_zone' })
  timeZone!: string;

  /** The previous digest's time: the period it covers starts there. */
  @Column({ type: 'timestamptz' })
  since!: Date;

  @Column({ type: 'boolean', name: 'send_empty' })
  sendEmpty!: boolean;

  @Column({ type: 'text' })
  status!: DigestStatus;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'timestamptz', name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  @Column({ type: 'timestamptz', name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  /** The webhook body, fixed when it is first sent; null until then. */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
