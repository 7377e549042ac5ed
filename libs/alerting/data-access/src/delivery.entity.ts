import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** `suppressed`: not to be sent any more (its alert was inhibited); `last_error` says why. */
export const deliveryStatuses = [
  'pending',
  'in_flight',
  'delivered',
  'dead',
  'suppressed',
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const notificationKinds = ['firing', 'resolved', 'escalated'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** One alert to one receiver: the unit the worker claims, sends and retries. */
@Entity({ name: 'deliveries' })
@Index('deliveries_alert_id_receiver_notification_uq', ['alertId', 'receiver', 'notification'], {
  unique: true,
})
@Index('deliveries_pending_due_idx', ['nextAttemptAt'], { where: "status = 'pending'" })
@Index('deliveries_in_flight_lease_idx', ['leaseUntil'], { where: "status = 'in_flight'" })
@Index('deliveries_receiver_group_key_idx', ['receiver', 'groupKey'], {
  where: 'group_key IS NOT NULL',
})
@Index('deliveries_digest_id_idx', ['digestId'], { where: 'digest_id IS NOT NULL' })
export class DeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'alert_id' })
  alertId!: string;

  /** The receiver's name: its own, or host and URL digest for one of the environment (never a URL). */
  @Column({ type: 'text' })
  receiver!: string;

  /** The receiver managed through the API; null for one of ALERT_WEBHOOK_URLS. */
  @Column({ type: 'uuid', name: 'receiver_id', nullable: true })
  receiverId!: string | null;

  @Column({ type: 'text' })
  status!: DeliveryStatus;

  /** That the alert fires, that it resolved, or that it escalated to this receiver. */
  @Column({ type: 'text' })
  notification!: NotificationKind;

  /** The body of a resolved or escalated notification; a firing one sends the alert's body. */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  /** Attempts started so far; also fences a stale worker off a delivery it lost the lease of. */
  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'timestamptz', name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** While in flight: after this instant the attempt counts as abandoned and is taken again. */
  @Column({ type: 'timestamptz', name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  /** Held back by the receiver's rate limit: goes with the others held, as one notification. */
  @Column({ type: 'boolean', default: false })
  held!: boolean;

  /** Sent with the deliveries to this receiver with the same key, as one notification. */
  @Column({ type: 'text', name: 'group_key', nullable: true })
  groupKey!: string | null;

  /** The receiver's digest it goes out with; null when it is sent by itself. */
  @Column({ type: 'uuid', name: 'digest_id', nullable: true })
  digestId!: string | null;

  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
