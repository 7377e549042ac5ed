import {
  ArrayMaxSize,
  ArrayMinSize,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

/** `POST /v1/silences`: who silences what, from when (default now) until when, and why. */
export class CreateSilenceBody {
  /** Alertmanager-style matchers, all of which must hold: `category="meeting"`. */
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  matchers!: string[];

  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @IsISO8601({ strict: true })
  endsAt!: string;

  /** Default: the caller (its API key's name or its token's user). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  createdBy?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  comment!: string;
}
