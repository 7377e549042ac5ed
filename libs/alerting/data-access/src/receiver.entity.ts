import type { ReceiverKind } from '@dealwatch/alerting/domain';

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A receiver managed through the API. Its URL (which may carry a token) and its signing secret are
 * stored sealed (AES-256-GCM, see SecretBox); `target` is what may be shown: the URL's host, or the
 * e-mail addresses.
 */
@Entity({ name: 'receivers' })
@Index('receivers_name_uq', ['name'], { unique: true, where: 'deleted_at IS NULL' })
export class ReceiverEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: ReceiverKind;

  @Column({ type: 'text' })
  target!: string;

  @Column({ type: 'text', array: true, name: 'email_to' })
  emailTo!: string[];

  @Column({ type: 'text', name: 'sealed_url', nullable: true })
  sealedUrl!: string | null;

  @Column({ type: 'text', name: 'sealed_secret', nullable: true })
  sealedSecret!: string | null;

  /** Whether it wants a "resolved" notification when an alert it was sent resolves. */
  @Column({ type: 'boolean', name: 'send_resolved' })
  sendResolved!: boolean;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** At most this many notifications per `rateLimitPer` (ISO 8601); null: no limit. */
  @Column({ type: 'int', name: 'rate_limit_count', nullable: true })
  rateLimitCount!: number | null;

  @Column({ type: 'text', name: 'rate_limit_per', nullable: true })
  rateLimitPer!: string | null;

  /** Daily digest: its alerts go out once a day at this HH:MM in `digestTimeZone`; null: one by one. */
  @Column({ type: 'text', name: 'digest_at', nullable: true })
  digestAt!: string | null;

  @Column({ type: 'text', name: 'digest_time_zone', nullable: true })
  digestTimeZone!: string | null;

  /** Whether a day with nothing to tell still sends a digest saying so. */
  @Column({ type: 'boolean', name: 'digest_send_empty', default: false })
  digestSendEmpty!: boolean;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  /** Deleted receivers are kept, so the deliveries that name them keep their history. */
  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;
}
