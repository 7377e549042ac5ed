import { Topics } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';

import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { DeliveryWorker } from '../delivery/delivery.worker';
import { RecordAlertUseCase } from './record-alert.usecase';

/** Each milestone reminder becomes an alert (inbox-protected: an event id is applied once). */
@Injectable()
export class MilestoneReminderConsumer implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly recordAlert: RecordAlertUseCase,
    private readonly deliveryWorker: DeliveryWorker,
  ) {}

  onModuleInit(): void {
    this.subscriptions.on(Topics.MilestoneReminderV1, (event, manager) =>
      this.recordAlert.execute(event, manager),
    );
    // New deliveries are visible only once the consumer's transaction commits.
    this.subscriptions.onCommitted(() => {
      this.deliveryWorker.kick();
    });
  }
}
