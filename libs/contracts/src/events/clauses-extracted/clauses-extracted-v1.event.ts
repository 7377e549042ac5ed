import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';

import { IsCalendarDate, IsInstant } from '../../validation/date-validators';
import { ExtractedObligationV1 } from './extracted-obligation-v1';

/**
 * `dealwatch.clauses.extracted.v1`: what one extraction run found in an agreement. A later run for
 * the same agreement supersedes the earlier one (same obligation keys for the same obligations).
 */
export class ClausesExtractedV1 {
  @IsUUID()
  agreementId!: string;

  @IsUUID()
  extractionId!: string;

  @IsString()
  extractorVersion!: string;

  @IsInstant()
  extractedAt!: string;

  @IsOptional()
  @IsString()
  title!: string | null;

  @IsOptional()
  @IsCalendarDate()
  publishedAt!: string | null;

  @IsOptional()
  @IsCalendarDate()
  signedAt!: string | null;

  @IsOptional()
  @IsCalendarDate()
  effectiveAt!: string | null;

  @IsArray()
  @IsString({ each: true })
  parties!: string[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExtractedObligationV1)
  obligations!: ExtractedObligationV1[];
}
