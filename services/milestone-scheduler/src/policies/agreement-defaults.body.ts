import { IsOptional, IsString, Matches, Validate, ValidateIf } from 'class-validator';

import { ChangeBody } from '../lifecycle/change.body';
import { KnownJurisdiction } from '../lifecycle/due.validators';

/** An agreement's default reminder policy and jurisdiction; null or absent clears one. */
export class AgreementDefaultsBody extends ChangeBody {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'policy must be the name of a reminder policy' })
  policy?: string | null;

  @ValidateIf(
    (body: AgreementDefaultsBody) => body.jurisdiction !== undefined && body.jurisdiction !== null,
  )
  @Validate(KnownJurisdiction)
  jurisdiction?: string | null;
}
