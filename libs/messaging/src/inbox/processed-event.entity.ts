import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer group has applied; written in the same transaction as the event's effects. */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'text', name: 'consumer_group' })
  consumerGroup!: string;

  @PrimaryColumn({ type: 'text', name: 'event_id' })
  eventId!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'timestamptz', name: 'processed_at' })
  processedAt!: Date;
}
