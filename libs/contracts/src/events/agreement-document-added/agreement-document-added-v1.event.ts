import { Type } from 'class-transformer';
import {
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsCalendarDate, IsInstant } from '../../validation/date-validators';

/** Why ingest judged the new document to be about an agreement it already had. */
export class DocumentLinkV1 {
  /** Estimated Jaccard similarity of the word shingles of the two texts, 0..1. */
  @IsNumber()
  @Min(0)
  @Max(1)
  similarity!: number;

  /** Other evidence of one deal, e.g. `parties: Japan, United States`, `date: 2025-10-28`. */
  @IsArray()
  @IsString({ each: true })
  sharedSignals!: string[];

  /** The stored document the new one matched. */
  @IsUUID()
  matchedDocumentId!: string;
}

/**
 * `dealwatch.agreement.document-added.v1`: a later document about an agreement already ingested (a
 * report of the signing, an amendment, news that a meeting took place) was attached to it. `text`
 * is the new document's normalised text; its evidence spans index into that text, not the
 * agreement's.
 */
export class AgreementDocumentAddedV1 {
  @IsUUID()
  agreementId!: string;

  @IsUUID()
  documentId!: string;

  @IsString()
  @IsNotEmpty()
  text!: string;

  /** SHA-256 (hex) of `text`. */
  @Matches(/^[0-9a-f]{64}$/)
  contentSha256!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  title!: string | null;

  @IsOptional()
  @IsUrl({ require_tld: false })
  sourceUrl!: string | null;

  @IsOptional()
  @IsCalendarDate()
  publishedAt!: string | null;

  @IsString()
  @IsNotEmpty()
  mediaType!: string;

  @ValidateNested()
  @Type(() => DocumentLinkV1)
  linkedBecause!: DocumentLinkV1;

  @IsInstant()
  addedAt!: string;
}
