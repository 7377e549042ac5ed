import {
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';

import { IsCalendarDate, IsInstant } from '../../validation/date-validators';

/**
 * `dealwatch.agreement.ingested.v1`: ingest accepted a new agreement. `text` is the normalised text
 * that every evidence span downstream points into.
 */
export class AgreementIngestedV1 {
  @IsUUID()
  agreementId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  title!: string | null;

  @IsString()
  @IsNotEmpty()
  text!: string;

  /** SHA-256 (hex) of the normalised text: identical documents have the same digest. */
  @Matches(/^[0-9a-f]{64}$/)
  contentSha256!: string;

  @IsOptional()
  @IsUrl({ require_tld: false })
  sourceUrl!: string | null;

  @IsOptional()
  @IsCalendarDate()
  publishedAt!: string | null;

  @IsOptional()
  @IsCalendarDate()
  signedAt!: string | null;

  @IsInstant()
  ingestedAt!: string;
}
