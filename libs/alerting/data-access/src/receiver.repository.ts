import type { DigestSchedule, RateLimit, ReceiverKind } from '@dealwatch/alerting/domain';

import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { ReceiverEntity } from './receiver.entity';
import { SecretBox } from './secret-box';

/** Where a receiver is reached, decrypted: only for the sender, never for a log or an answer. */
export interface ReceiverTarget {
  id: string;
  name: string;
  kind: ReceiverKind;
  url: string | null;
  signingSecret: string | null;
  emailTo: string[];
}

export interface ReceiverFields {
  name: string;
  kind: ReceiverKind;
  url: string | null;
  signingSecret: string | null;
  emailTo: string[];
  sendResolved: boolean;
  enabled: boolean;
  rateLimit: RateLimit | null;
  /** Null: each alert goes when it fires; else once a day, in a digest. */
  digest: DigestSchedule | null;
}

export class ReceiverNameTakenError extends Error {
  override readonly name = 'ReceiverNameTakenError';
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ReceiverRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
  ) {}

  listActive(manager: EntityManager = this.dataSource.manager): Promise<ReceiverEntity[]> {
    return manager
      .getRepository(ReceiverEntity)
      .find({ where: { deletedAt: IsNull() }, order: { name: 'ASC' } });
  }

  findActive(id: string): Promise<ReceiverEntity | null> {
    return this.dataSource.getRepository(ReceiverEntity).findOneBy({ id, deletedAt: IsNull() });
  }

  /** Null when the receiver was deleted or disabled: nothing more goes to it. */
  async findTarget(id: string): Promise<ReceiverTarget | null> {
    const receiver = await this.findActive(id);
    if (!receiver?.enabled) return null;
    return {
      id: receiver.id,
      name: receiver.name,
      kind: receiver.kind,
      url: this.openOrNull(receiver.sealedUrl, receiver.id),
      signingSecret: this.openOrNull(receiver.sealedSecret, receiver.id),
      emailTo: receiver.emailTo,
    };
  }

  async create(id: string, fields: ReceiverFields, now: Date): Promise<ReceiverEntity> {
    const entity = this.toEntity(id, fields, now, now);
    // ON CONFLICT DO NOTHING: a taken name is an answer, not an error for the database log.
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ReceiverEntity)
      .values(entity)
      .orIgnore()
      .returning(['id'])
      .updateEntity(false)
      .execute();
    if ((result.raw as unknown[]).length === 0) {
      throw new ReceiverNameTakenError('a receiver has that name');
    }
    return entity;
  }

  /** The receiver as it stands, secrets opened: the base a partial change is applied to. */
  currentFields(receiver: ReceiverEntity): ReceiverFields {
    return {
      name: receiver.name,
      kind: receiver.kind,
      url: this.openOrNull(receiver.sealedUrl, receiver.id),
      signingSecret: this.openOrNull(receiver.sealedSecret, receiver.id),
      emailTo: receiver.emailTo,
      sendResolved: receiver.sendResolved,
      enabled: receiver.enabled,
      rateLimit: rateLimitOf(receiver),
      digest: digestScheduleOf(receiver),
    };
  }

  async update(
    receiver: ReceiverEntity,
    fields: ReceiverFields,
    now: Date,
  ): Promise<ReceiverEntity> {
    const entity = this.toEntity(receiver.id, fields, receiver.createdAt, now);
    const taken = await this.dataSource
      .getRepository(ReceiverEntity)
      .existsBy({ name: fields.name, deletedAt: IsNull(), id: Not(receiver.id) });
    if (taken) throw new ReceiverNameTakenError('a receiver has that name');
    // Two changes racing for one name: the unique index decides.
    await this.translateConflict(() =>
      this.dataSource.getRepository(ReceiverEntity).update({ id: receiver.id }, entity),
    );
    return entity;
  }

  async softDelete(id: string, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ReceiverEntity)
      .update({ id, deletedAt: IsNull() }, { deletedAt: now, updatedAt: now });
    return (result.affected ?? 0) > 0;
  }

  private openOrNull(sealed: string | null, id: string): string | null {
    return sealed === null ? null : this.box.open(sealed, id);
  }

  private toEntity(id: string, fields: ReceiverFields, createdAt: Date, now: Date): ReceiverEntity {
    return {
      id,
      name: fields.name,
      kind: fields.kind,
      target: fields.kind === 'email' ? fields.emailTo.join(', ') : hostOf(fields.url),
      emailTo: fields.emailTo,
      sealedUrl: fields.url === null ? null : this.box.seal(fields.url, id),
      sealedSecret: fields.signingSecret === null ? null : this.box.seal(fields.signingSecret, id),
      sendResolved: fields.sendResolved,
      enabled: fields.enabled,
      rateLimitCount: fields.rateLimit?.count ?? null,
      rateLimitPer: fields.rateLimit?.per ?? null,
      digestAt: fields.digest?.at ?? null,
      digestTimeZone: fields.digest?.timeZone ?? null,
      digestSendEmpty: fields.digest?.sendEmpty ?? false,
      createdAt,
      updatedAt: now,
      deletedAt: null,
    };
  }

  /** Two changes racing for one name: the unique index decides. */
  private async translateConflict(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      if (code === UNIQUE_VIOLATION) throw new ReceiverNameTakenError('a receiver has that name');
      throw error;
    }
  }
}

export function rateLimitOf(receiver: ReceiverEntity): RateLimit | null {
  return receiver.rateLimitCount === null || receiver.rateLimitPer === null
    ? null
    : { count: receiver.rateLimitCount, per: receiver.rateLimitPer };
}

export function digestScheduleOf(receiver: ReceiverEntity): DigestSchedule | null {
  return receiver.digestAt === null || receiver.digestTimeZone === null
    ? null
    : {
        at: receiver.digestAt,
        timeZone: receiver.digestTimeZone,
        sendEmpty: receiver.digestSendEmpty,
      };
}

function hostOf(url: string | null): string {
  if (url === null) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
