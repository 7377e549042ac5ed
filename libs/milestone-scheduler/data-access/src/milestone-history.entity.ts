import type { MilestoneStatus } from '@dealwatch/milestone-scheduler/domain';

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per change of a milestone: who, why, when, and what it was before and after. */
@Entity({ name: 'milestone_history' })
@Index('milestone_history_milestone_idx', ['milestoneId', 'id'])
export class MilestoneHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', name: 'milestone_id' })
  milestoneId!: string;

  @Column({ type: 'timestamptz', name: 'changed_at' })
  changedAt!: Date;

  /** A person or system named by the caller; `extraction` or `scheduler` for the service's own. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Null on the row that records the milestone's creation. */
  @Column({ type: 'text', name: 'from_status', nullable: true })
  fromStatus!: MilestoneStatus | null;

  @Column({ type: 'text', name: 'to_status' })
  toStatus!: MilestoneStatus;

  @Column({ type: 'date', name: 'from_due_date', nullable: true })
  fromDueDate!: string | null;

  @Column({ type: 'date', name: 'to_due_date', nullable: true })
  toDueDate!: string | null;

  @Column({ type: 'timestamptz', name: 'from_due_at', nullable: true })
  fromDueAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'to_due_at', nullable: true })
  toDueAt!: Date | null;

  /** The `dealwatch.milestone.status-changed.v1` event that announced the change. */
  @Column({ type: 'uuid', name: 'event_id', nullable: true })
  eventId!: string | null;
}
