import { ReceiverRepository, digestScheduleOf } from '@dealwatch/alerting/data-access';
import type { DeliveryTarget, ReceiverEntity } from '@dealwatch/alerting/data-access';
import type { DigestSchedule, ReceiverKind } from '@dealwatch/alerting/domain';
import { TransactionMemo } from '@dealwatch/persistence';

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { WebhookReceivers } from '../delivery/webhook-receivers';

/** A receiver alerts can go to, from either source, without its secrets. */
export interface KnownReceiver extends DeliveryTarget {
  kind: ReceiverKind;
  source: 'environment' | 'api';
  sendResolved: boolean;
  /** Its own daily digest, if it has one. */
  digestSchedule: DigestSchedule | null;
}

/**
 * Every receiver an alert can be sent to: those of ALERT_WEBHOOK_URLS (named by host and URL digest)
 * and the enabled ones managed through the API (named by their own name).
 */
@Injectable()
export class ReceiverDirectory {
  private readonly known = new TransactionMemo((manager) => this.load(manager));

  constructor(
    private readonly envReceivers: WebhookReceivers,
    private readonly receivers: ReceiverRepository,
  ) {}

  /** Within a transaction (a consumer's batch) they are read once. */
  active(manager?: EntityManager): Promise<KnownReceiver[]> {
    return this.known.get(manager);
  }

  private async load(manager?: EntityManager): Promise<KnownReceiver[]> {
    const managed = await this.receivers.listActive(manager);
    return [
      ...this.envReceivers.names.map((name): KnownReceiver => ({
        name,
        receiverId: null,
        kind: 'webhook',
        source: 'environment',
        // A receiver of the environment cannot say; it gets resolutions like any webhook would.
        sendResolved: true,
        digestSchedule: null,
      })),
      ...managed.filter((receiver) => receiver.enabled).map(fromEntity),
    ];
  }
}

function fromEntity(receiver: ReceiverEntity): KnownReceiver {
  return {
    name: receiver.name,
    receiverId: receiver.id,
    kind: receiver.kind,
    source: 'api',
    sendResolved: receiver.sendResolved,
    digestSchedule: digestScheduleOf(receiver),
  };
}
