import { IsCalendarDate } from '@dealwatch/contracts';

import {
  IsBase64,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

/** Metadata a caller may give with any upload; it wins over what the document says. */
export class GivenMetadataDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  title?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  sourceUrl?: string;

  @IsOptional()
  @IsCalendarDate()
  publishedAt?: string;

  @IsOptional()
  @IsCalendarDate()
  signedAt?: string;
}

/**
 * `POST /v1/agreements` with a JSON body: either `text`, or a file as base64 `document` with its
 * `mediaType` (and optionally `fileName`).
 */
export class CreateAgreementDto extends GivenMetadataDto {
  // Checked whenever given, so that a wrong `text` beside a `document` is named, not skipped.
  @ValidateIf((dto: CreateAgreementDto) => dto.text !== undefined || dto.document === undefined)
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  text?: string;

  @ValidateIf((dto: CreateAgreementDto) => dto.document !== undefined)
  @IsBase64({}, { message: 'document must be base64' })
  @IsNotEmpty({ message: 'document must not be empty' })
  document?: string;

  @ValidateIf(
    (dto: CreateAgreementDto) => dto.document !== undefined || dto.mediaType !== undefined,
  )
  // A charset may follow, for text and HTML: `text/plain; charset=windows-1252`.
  @Matches(/^[a-z]+\/[a-z0-9.+-]+(\s*;\s*charset="?[\w.:-]+"?)?$/i, {
    message: 'mediaType must be a media type, e.g. application/pdf or text/plain; charset=utf-16',
  })
  mediaType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}
