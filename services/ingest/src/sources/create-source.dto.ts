import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  Min,
} from 'class-validator';

/** `POST /v1/sources`: an RSS 2.0 or Atom feed to poll, and what makes its items relevant. */
export class CreateSourceDto {
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'url must be an http(s) URL' },
  )
  url!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  keywords?: string[];

  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  parties?: string[];

  /** Between polls; feeds rarely change faster than a minute, tests poll every second. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  intervalSeconds?: number;
}
