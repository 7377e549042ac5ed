import { receiverKinds } from '@dealwatch/alerting/domain';
import type { ReceiverKind } from '@dealwatch/alerting/domain';

import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsUrl,
  Matches,
} from 'class-validator';

/** Names go in routes and in delivery history; `#` is kept for the environment's receivers. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const WHSEC = /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/;
const URL_OPTIONS = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

const NAME_MESSAGE = 'name must be 1-63 letters, digits, _ . or -, starting with a letter or digit';

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
