import {
  EmailClient,
  ReceiverNameTakenError,
  ReceiverRepository,
  ReceiverThrottleStore,
} from '@dealwatch/alerting/data-access';
import type { ReceiverFields } from '@dealwatch/alerting/data-access';
import { isHttpKind } from '@dealwatch/alerting/domain';
import type { DigestSchedule } from '@dealwatch/alerting/domain';
import { OutboundHttp, OutboundRefusedError } from '@dealwatch/outbound';
import { timeOrderedUuid } from '@dealwatch/persistence';
import { CLOCK, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Logger } from 'pino';

import { WebhookReceivers } from '../delivery/webhook-receivers';
import { environmentReceiverView, receiverView } from './receiver-view';
import type { ReceiverView } from './receiver-view';
import type { CreateReceiverBody, DigestBody, UpdateReceiverBody } from './receiver.dto';

/**
 * Creates, changes and deletes the receivers kept in PostgreSQL. Checks what a DTO cannot: the
 * fields each kind needs, and that a URL is not one the SSRF guard would refuse anyway. Logs names
 * and ids only: URLs and secrets stay out of logs and answers.
 */
@Injectable()
export class ManageReceiversUseCase {
  private readonly logger: Logger;

  constructor(
    private readonly receivers: ReceiverRepository,
    private readonly envReceivers: WebhookReceivers,
    private readonly outbound: OutboundHttp,
    private readonly email: EmailClient,
    private readonly throttle: ReceiverThrottleStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'receivers' });
  }

  async list(): Promise<ReceiverView[]> {
    const managed = await this.receivers.listActive();
    const views = [
      ...this.envReceivers.names.map(environmentReceiverView),
      ...managed.map(receiverView),
    ];
    return Promise.all(views.map((view) => this.withCircuit(view)));
  }

  async get(id: string): Promise<ReceiverView> {
    return this.withCircuit(receiverView(await this.existing(id)));
  }

  /** The breaker as the delivery worker sees it: closed, open (until when) or half-open. */
  private async withCircuit(view: ReceiverView): Promise<ReceiverView> {
    return { ...view, circuit: await this.throttle.breaker(view.name, this.clock.now()) };
  }

  async create(body: CreateReceiverBody): Promise<ReceiverView> {
    const fields: ReceiverFields = {
      name: body.name,
      kind: body.kind,
      url: body.url ?? null,
      signingSecret: body.kind === 'webhook' ? (body.secret ?? generatedSecret()) : null,
      emailTo: body.to ?? [],
      sendResolved: body.sendResolved ?? true,
      enabled: body.enabled ?? true,
      rateLimit: body.rateLimit ? { count: body.rateLimit.count, per: body.rateLimit.per } : null,
      digest: body.digest ? digestOf(body.digest) : null,
    };
    if (body.secret !== undefined && body.kind !== 'webhook') {
      throw new BadRequestException(['secret is only for webhook receivers']);
    }
    this.check(fields);
    const id = timeOrderedUuid();
    const created = await this.conflictsAsHttp(() =>
      this.receivers.create(id, fields, this.clock.now()),
    );
    this.logger.info({ receiverId: id, name: fields.name, kind: fields.kind }, 'receiver created');
    return receiverView(created);
  }

  async update(id: string, body: UpdateReceiverBody): Promise<ReceiverView> {
    const receiver = await this.existing(id);
    if (body.secret !== undefined && receiver.kind !== 'webhook') {
      throw new BadRequestException(['secret is only for webhook receivers']);
    }
    const current = this.receivers.currentFields(receiver);
    const fields: ReceiverFields = {
      ...current,
      name: body.name ?? current.name,
      url: body.url ?? current.url,
      signingSecret: body.secret ?? current.signingSecret,
      emailTo: body.to ?? current.emailTo,
      sendResolved: body.sendResolved ?? current.sendResolved,
      enabled: body.enabled ?? current.enabled,
      rateLimit:
        body.rateLimit === undefined
          ? current.rateLimit
          : body.rateLimit && { count: body.rateLimit.count, per: body.rateLimit.per },
      digest: body.digest === undefined ? current.digest : body.digest && digestOf(body.digest),
    };
    this.check(fields);
    const updated = await this.conflictsAsHttp(() =>
      this.receivers.update(receiver, fields, this.clock.now()),
    );
    this.logger.info(
      { receiverId: id, name: fields.name, changed: Object.keys(body).sort() },
      'receiver changed',
    );
    return receiverView(updated);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.receivers.softDelete(id, this.clock.now()))) {
      throw new NotFoundException(`no receiver ${id}`);
    }
    this.logger.info({ receiverId: id }, 'receiver deleted');
  }

  private async existing(id: string) {
    const receiver = await this.receivers.findActive(id);
    if (!receiver) throw new NotFoundException(`no receiver ${id}`);
    return receiver;
  }

  private check(fields: ReceiverFields): void {
    if (isHttpKind(fields.kind)) {
      if (fields.url === null)
        throw new BadRequestException([`a ${fields.kind} receiver needs url`]);
      if (fields.emailTo.length > 0) {
        throw new BadRequestException([`to is only for email receivers`]);
      }
      try {
        this.outbound.checkUrl(fields.url);
      } catch (error) {
        if (error instanceof OutboundRefusedError) {
          throw new BadRequestException([`url refused: ${error.message}`]);
        }
        throw error;
      }
      return;
    }
    if (fields.url !== null) throw new BadRequestException(['url is not for email receivers']);
    if (fields.emailTo.length === 0) throw new BadRequestException(['an email receiver needs to']);
    if (!this.email.configured) {
      throw new BadRequestException(['email receivers need SMTP_URL in the service configuration']);
    }
  }

  private async conflictsAsHttp<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ReceiverNameTakenError) {
        throw new ConflictException('a receiver with that name exists');
      }
      throw error;
    }
  }
}

function digestOf(body: DigestBody): DigestSchedule {
  return { at: body.at, timeZone: body.timeZone, sendEmpty: body.sendEmpty ?? false };
}

/** A fresh Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
function generatedSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
