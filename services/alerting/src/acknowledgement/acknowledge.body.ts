import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `POST /v1/alerts/:id/ack`; `by` defaults to the caller (its API key's name or token's user). */
export class AcknowledgeBody {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  by?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  comment?: string;
}

/** `GET /v1/alerts/:id/ack?exp=&sig=`: the one-click link of a notification. */
export class AckLinkQuery {
  @Matches(/^\d{1,12}$/)
  exp!: string;

  @Matches(/^[\w-]{1,100}$/)
  sig!: string;
}
