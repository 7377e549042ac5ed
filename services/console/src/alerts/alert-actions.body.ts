import { IsInstant } from '@dealwatch/contracts';

import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `POST /api/alerts/:id/ack`: who takes the alert on, and optionally a word about it. */
export class AcknowledgeAlertBody {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  by!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

/** `POST /api/silences`: quiets the alerts of one milestone until `endsAt`, saying who and why. */
export class SilenceMilestoneBody {
  @IsUUID()
  milestoneId!: string;

  @IsInstant()
  endsAt!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  by!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment!: string;
}
