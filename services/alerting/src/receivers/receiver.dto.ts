import { digestScheduleProblem, rateWindowMs, receiverKinds } from '@dealwatch/alerting/domain';
import type { ReceiverKind } from '@dealwatch/alerting/domain';

import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/** Names go in routes and in delivery history; `#` is kept for the environment's receivers. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const WHSEC = /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/;
const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

const NAME_MESSAGE = 'name must be 1-63 letters, digits, _ . or -, starting with a letter or digit';

/** `rateLimit`: at most `count` notifications per `per`; the excess is held and sent grouped. */
export class RateLimitBody {
  @IsInt({ message: 'rateLimit.count must be a whole number' })
  @Min(1, { message: 'rateLimit.count must be at least 1' })
  @Max(100_000, { message: 'rateLimit.count must be at most 100000' })
  count!: number;

  @ValidateBy({
    name: 'isRateWindow',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && rateWindowMs(value) !== null,
      defaultMessage: () => 'rateLimit.per must be an ISO 8601 duration from PT1S to P1D',
    },
  })
  per!: string;
}

/** `digest`: instead of one by one, the receiver's alerts go once a day, at `at` in `timeZone`. */
export class DigestBody {
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'digest.at must be a time of day as HH:MM, such as 08:00',
  })
  at!: string;

  @ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => digestScheduleProblem('00:00', value) === null,
      defaultMessage: () => 'digest.timeZone must be an IANA time zone, such as Europe/Berlin',
    },
  })
  timeZone!: string;

  /** Send a digest that says nothing fired, rather than nothing at all. */
  @IsOptional()
  @IsBoolean({ message: 'digest.sendEmpty must be true or false' })
  sendEmpty?: boolean;
}

/** What both a new receiver and a change may give. */
abstract class ReceiverFieldsBody {
  /** The receiver's endpoint (webhook, slack, teams). Stored encrypted, never shown. */
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'url must be an http(s) URL' })
  url?: string;

  /** Standard Webhooks signing secret of a `webhook` receiver. Stored encrypted, never shown. */
  @IsOptional()
  @Matches(WHSEC, { message: 'secret must be whsec_ followed by a base64 key' })
  secret?: string;

  /** Addresses of an `email` receiver. */
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true, message: 'each of to must be an e-mail address' })
  to?: string[];

  @IsOptional()
  @IsBoolean()
  sendResolved?: boolean;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  /** Null (in a change) removes the limit. */
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @ValidateNested()
  @Type(() => RateLimitBody)
  rateLimit?: RateLimitBody | null;

  /** Null (in a change) sends its alerts one by one again. */
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @ValidateNested()
  @Type(() => DigestBody)
  digest?: DigestBody | null;
}

/** `POST /v1/receivers`. */
export class CreateReceiverBody extends ReceiverFieldsBody {
  @Matches(NAME, { message: NAME_MESSAGE })
  name!: string;

  @IsIn(receiverKinds)
  kind!: ReceiverKind;
}

/** `PATCH /v1/receivers/:id`: any of the fields; the kind never changes. */
export class UpdateReceiverBody extends ReceiverFieldsBody {
  @IsOptional()
  @Matches(NAME, { message: NAME_MESSAGE })
  name?: string;
}
