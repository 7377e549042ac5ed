import { IsCalendarDate } from '@dealwatch/contracts';

import { IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

/** `POST /v1/agreements` with a JSON body. Caller-given metadata wins over what the text says. */
export class CreateAgreementDto {
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  text!: string;

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
