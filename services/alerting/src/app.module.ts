import {
  AlertEntity,
  AlertRepository,
  DeliveryAttemptEntity,
  DeliveryEntity,
  DeliveryRepository,
  WebhookClient,
  alertingMigrations,
} from '@dealwatch/alerting/data-access';
import { OutboundHttp } from '@dealwatch/outbound';
import { PlatformModule } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';

import type { AlertingEnv } from './alerting.env';
import { AlertHistoryUseCase } from './alerts/alert-history.usecase';
import { AlertsController } from './alerts/alerts.controller';
import { DeliverAlertsUseCase } from './delivery/deliver-alerts.usecase';
import { DeliveryWorker } from './delivery/delivery.worker';
import { OutboundHttpCloser, outboundHttpProvider } from './delivery/outbound-http.provider';
import { WebhookReceivers } from './delivery/webhook-receivers';
import { MilestoneReminderConsumer } from './reminders/milestone-reminder.consumer';
import { RecordAlertUseCase } from './reminders/record-alert.usecase';

@Module({})
export class AppModule {
  /** `clock` replaces the system clock, for tests that control time. */
  static register(env: AlertingEnv, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService(
          {
            name: 'alerting',
            env,
            entities: [AlertEntity, DeliveryAttemptEntity, DeliveryEntity],
            migrations: alertingMigrations,
            redis: false,
          },
          overrides,
        ),
      ],
      controllers: [AlertsController],
      providers: [
        outboundHttpProvider(env),
        OutboundHttpCloser,
        {
          provide: WebhookClient,
          inject: [OutboundHttp],
          useFactory: (http: OutboundHttp) =>
            new WebhookClient(
              {
                secret: env.ALERT_WEBHOOK_SECRET,
                timeoutMs: env.ALERT_DELIVERY_TIMEOUT_MS,
                userAgent: 'DealWatch-Alerting/1',
              },
              http,
            ),
        },
        { provide: WebhookReceivers, useValue: new WebhookReceivers(env.ALERT_WEBHOOK_URLS) },
        AlertHistoryUseCase,
        AlertRepository,
        DeliverAlertsUseCase,
        DeliveryRepository,
        DeliveryWorker,
        MilestoneReminderConsumer,
        RecordAlertUseCase,
      ],
    };
  }
}
