import { Topics } from '@dealwatch/contracts';
import { EventSubscriptions } from '@dealwatch/platform';

import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { DeliveryWorker } from '../delivery/delivery.worker';
import { RecordAlertUseCase } from './record-alert.usecase';

/**
 * Each milestone reminder becomes an alert (inbox-protected: an event id is applied once), a run of
 * reminders at a time.
 */
@Injectable()
export class MilestoneReminderConsumer implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly recordAlert: RecordAlertUseCase,
    private readonly deliveryWorker: DeliveryWorker,
  ) {}

  onModuleInit(): void {
    this.subscriptions.onBatch(Topics.MilestoneReminderV1, (events, manager) =>
      this.recordAlert.execute(events, manager),
    );
    // New deliveries are visible only once the consumer's transaction commits.
    this.subscriptions.onCommitted(() => {
      this.deliveryWorker.kick();
    });
  }
}
