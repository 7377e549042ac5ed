import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AgreementDefaultsEntity } from './agreement-defaults.entity';

@Injectable()
export class AgreementDefaultsRepository {
  async find(manager: EntityManager, agreementId: string): Promise<AgreementDefaultsEntity | null> {
    return manager.getRepository(AgreementDefaultsEntity).findOneBy({ agreementId });
  }

  async save(manager: EntityManager, defaults: AgreementDefaultsEntity): Promise<void> {
    await manager.getRepository(AgreementDefaultsEntity).upsert(defaults, ['agreementId']);
  }
}
