import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * `skipped`: already past when planned; `cancelled`: its milestone was closed before it fired.
 * Pending reminders replaced by a reschedule are deleted; fired ones stay as history.
 */
export type ReminderStatus = 'pending' | 'fired' | 'skipped' | 'cancelled';

@Entity({ name: 'reminders' })
/** A rescheduled milestone keeps its fired reminders as history; only pending ones are unique. */
@Index('reminders_milestone_offset_pending_uq', ['milestoneId', 'offset'], {
  unique: true,
  where: "status = 'pending'",
})
export class ReminderEntity {
  /** Stable: it becomes the reminder event's id and, downstream, the alert's. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'milestone_id' })
  milestoneId!: string;

  /** ISO 8601 duration before the due time, or `overdue`. */
  @Column({ type: 'text' })
  offset!: string;

  @Column({ type: 'timestamptz', name: 'fire_at' })
  fireAt!: Date;

  @Column({ type: 'text' })
  status!: ReminderStatus;

  @Column({ type: 'timestamptz', name: 'fired_at', nullable: true })
  firedAt!: Date | null;
}
