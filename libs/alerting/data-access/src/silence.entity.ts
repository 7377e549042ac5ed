import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A window in which matching alerts are recorded as silenced rather than sent. */
@Entity({ name: 'silences' })
@Index('silences_ends_at_idx', ['endsAt'])
export class SilenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Matchers as written (`severity="low"`), checked before they are stored. */
  @Column({ type: 'jsonb' })
  matchers!: string[];

  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt!: Date;

  /** Expiring a silence early moves this to the moment it was expired. */
  @Column({ type: 'timestamptz', name: 'ends_at' })
  endsAt!: Date;

  @Column({ type: 'text', name: 'created_by' })
  createdBy!: string;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'expired_at', nullable: true })
  expiredAt!: Date | null;
}
