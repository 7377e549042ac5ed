import { CurrentPrincipal, ParseUuidPipe, Roles } from '@dealwatch/platform';
import type { Principal } from '@dealwatch/platform';

import { Body, Controller, Param, Put } from '@nestjs/common';

import { attributed } from '../lifecycle/change.body';
import { AgreementDefaultsBody } from './agreement-defaults.body';
import { SetAgreementDefaultsUseCase } from './set-agreement-defaults.usecase';

@Controller('v1/agreements')
export class AgreementsController {
  constructor(private readonly setDefaults: SetAgreementDefaultsUseCase) {}

  /** The reminder policy and jurisdiction the agreement's milestones follow unless they name theirs. */
  @Put(':agreementId/defaults')
  @Roles('admin')
  async putDefaults(
    @Param('agreementId', new ParseUuidPipe()) agreementId: string,
    @Body() body: AgreementDefaultsBody,
    @CurrentPrincipal() caller: Principal,
  ) {
    const { policy, jurisdiction, updatedAt, updatedBy } = await this.setDefaults.execute(
      agreementId,
      attributed(body, caller.name),
    );
    return { agreementId, policy, jurisdiction, updatedAt: updatedAt.toISOString(), updatedBy };
  }
}
