import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event committed with the state change that caused it, waiting for the relay to publish it. */
@Entity({ name: 'outbox_messages' })
export class OutboxMessageEntity {
  /** Publication order: the relay sends in this order, which keeps per-key order. */
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'seq' })
  seq!: string;

  @Index('outbox_messages_event_id_uq', { unique: true })
  @Column({ type: 'uuid', name: 'event_id' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'text', name: 'message_key' })
  messageKey!: string;

  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  /** The JSON payload exactly as it will be published. */
  @Column({ type: 'text' })
  payload!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
