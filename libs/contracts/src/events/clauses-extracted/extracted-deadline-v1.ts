import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

import { IsCalendarDate, IsIsoDuration } from '../../validation/date-validators';

export const deadlineKinds = ['within', 'by', 'on', 'window', 'recurring'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const anchorTypes = [
  'signing',
  'publication',
  'effective',
  'entry-into-force',
  'date',
  'event',
] as const;
export type AnchorType = (typeof anchorTypes)[number];

export class DeadlineAnchorV1 {
  @IsIn(anchorTypes)
  type!: AnchorType;

  /** The anchor's date when known; absent for an event whose date the text does not give. */
  @IsOptional()
  @IsCalendarDate()
  date?: string | null;

  /** For `event` anchors: the text's own phrase for the event. */
  @IsOptional()
  @IsString()
  ref?: string | null;
}

export class ExtractedDeadlineV1 {
  @IsString()
  @MaxLength(500)
  expression!: string;

  @IsIn(deadlineKinds)
  kind!: DeadlineKind;

  /** Null while the anchor's date is unknown (a chained deadline). */
  @IsOptional()
  @IsCalendarDate()
  dueDate!: string | null;

  @IsOptional()
  @IsIsoDuration()
  duration?: string | null;

  @IsOptional()
  @IsBoolean()
  businessDays?: boolean | null;

  @IsOptional()
  @IsIn(['after', 'before'])
  relation?: 'after' | 'before' | null;

  /** ISO 8601 repeating interval, e.g. `R/2026-10-28/P1Y`. */
  @IsOptional()
  @IsString()
  recurrence?: string | null;

  /** How the due date was derived, for people reviewing it. */
  @IsOptional()
  @IsString()
  rule?: string | null;

  @ValidateNested()
  @Type(() => DeadlineAnchorV1)
  anchor!: DeadlineAnchorV1;
}
