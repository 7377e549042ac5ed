import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { AgreementDefaultsEntity } from './agreement-defaults.entity';

@Injectable()
export class AgreementDefaultsRepository {
  async find(manager: EntityManager, agreementId: string): Promise<AgreementDefaultsEntity | null> {
    return manager.getRepository(AgreementDefaultsEntity).findOneBy({ agreementId });
  }

  /** The defaults of each agreement that has any, in one statement. */
  async findMany(
    manager: EntityManager,
    agreementIds: readonly string[],
  ): Promise<Map<string, AgreementDefaultsEntity>> {
    if (agreementIds.length === 0) return new Map();
    const found = await manager
      .getRepository(AgreementDefaultsEntity)
      .findBy({ agreementId: In([...agreementIds]) });
    return new Map(found.map((defaults) => [defaults.agreementId, defaults]));
  }

  async save(manager: EntityManager, defaults: AgreementDefaultsEntity): Promise<void> {
    await manager.getRepository(AgreementDefaultsEntity).upsert(defaults, ['agreementId']);
  }
}
