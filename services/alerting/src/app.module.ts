import {
  AgreementLabelsEntity,
  AgreementLabelsRepository,
  AlertEntity,
  AlertEscalationEntity,
  AlertEscalationRepository,
  AlertRepository,
  DeliveryAttemptEntity,
  DeliveryEntity,
  DeliveryRepository,
  DigestEntity,
  DigestRepository,
  EmailClient,
  MilestoneObligationEntity,
  ObligationLabelsEntity,
  ReceiverEntity,
  ReceiverRepository,
  ReceiverThrottleStore,
  RoutingTreeEntity,
  RoutingTreeRepository,
  SecretBox,
  SilenceEntity,
  SilenceRepository,
  WebhookClient,
  alertingMigrations,
} from '@dealwatch/alerting/data-access';
import { OutboundHttp } from '@dealwatch/outbound';
import { PlatformModule } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';

import { AcknowledgeAlertUseCase } from './acknowledgement/acknowledge-alert.usecase';
import type { AlertingEnv } from './alerting.env';
import { AlertHistoryUseCase } from './alerts/alert-history.usecase';
import { AlertsController } from './alerts/alerts.controller';
import { DeliverAlertsUseCase } from './delivery/deliver-alerts.usecase';
import { DeliveryEvents } from './delivery/delivery-events';
import { DeliveryWorker } from './delivery/delivery.worker';
import { NotificationSender } from './delivery/notification-sender';
import { OutboundClientsCloser, outboundHttpProvider } from './delivery/outbound-clients.provider';
import { ReceiverGate } from './delivery/receiver-gate';
import { WebhookReceivers } from './delivery/webhook-receivers';
import { DigestWorker } from './digests/digest.worker';
import { DigestsController } from './digests/digests.controller';
import { SendDigestsUseCase } from './digests/send-digests.usecase';
import { EscalateAlertsUseCase } from './escalation/escalate-alerts.usecase';
import { EscalationWorker } from './escalation/escalation.worker';
import { AgreementLabelsConsumer } from './labels/agreement-labels.consumer';
import { ManageReceiversUseCase } from './receivers/manage-receivers.usecase';
import { ReceiverDirectory } from './receivers/receiver-directory';
import { ReceiversController } from './receivers/receivers.controller';
import { MilestoneReminderConsumer } from './reminders/milestone-reminder.consumer';
import { RecordAlertUseCase } from './reminders/record-alert.usecase';
import { MilestoneStatusConsumer } from './resolution/milestone-status.consumer';
import { ResolveAlertsUseCase } from './resolution/resolve-alerts.usecase';
import { RoutesController } from './routes/routes.controller';
import { RoutingTable } from './routes/routing-table';
import { ManageSilencesUseCase } from './silences/manage-silences.usecase';
import { SilencesController } from './silences/silences.controller';

const USER_AGENT = 'DealWatch-Alerting/1';

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
            entities: [
              AgreementLabelsEntity,
              AlertEntity,
              AlertEscalationEntity,
              DeliveryAttemptEntity,
              DeliveryEntity,
              DigestEntity,
              MilestoneObligationEntity,
              ObligationLabelsEntity,
              ReceiverEntity,
              RoutingTreeEntity,
              SilenceEntity,
            ],
            migrations: alertingMigrations,
            redis: true,
            // Reminders fire days or hours ahead: a quarter second later, in fewer transactions.
            eventGatherMs: 250,
          },
          overrides,
        ),
      ],
      controllers: [
        AlertsController,
        DigestsController,
        ReceiversController,
        RoutesController,
        SilencesController,
      ],
      providers: [
        outboundHttpProvider(env),
        OutboundClientsCloser,
        {
          provide: WebhookClient,
          inject: [OutboundHttp],
          useFactory: (http: OutboundHttp) =>
            new WebhookClient(
              {
                secret: env.ALERT_WEBHOOK_SECRET,
                timeoutMs: env.ALERT_DELIVERY_TIMEOUT_MS,
                userAgent: USER_AGENT,
              },
              http,
            ),
        },
        {
          provide: EmailClient,
          useFactory: () =>
            new EmailClient({
              smtpUrl: env.SMTP_URL || null,
              from: env.ALERT_EMAIL_FROM,
              timeoutMs: env.ALERT_DELIVERY_TIMEOUT_MS,
            }),
        },
        { provide: SecretBox, useFactory: () => new SecretBox(env.ALERT_SECRETS_KEY) },
        { provide: WebhookReceivers, useValue: new WebhookReceivers(env.ALERT_WEBHOOK_URLS) },
        AcknowledgeAlertUseCase,
        AgreementLabelsConsumer,
        AgreementLabelsRepository,
        AlertEscalationRepository,
        AlertHistoryUseCase,
        AlertRepository,
        DeliverAlertsUseCase,
        DeliveryEvents,
        DeliveryRepository,
        DeliveryWorker,
        DigestRepository,
        DigestWorker,
        EscalateAlertsUseCase,
        EscalationWorker,
        ManageReceiversUseCase,
        ManageSilencesUseCase,
        MilestoneReminderConsumer,
        MilestoneStatusConsumer,
        NotificationSender,
        ReceiverDirectory,
        ReceiverGate,
        ReceiverRepository,
        ReceiverThrottleStore,
        RecordAlertUseCase,
        ResolveAlertsUseCase,
        RoutingTable,
        RoutingTreeRepository,
        SendDigestsUseCase,
        SilenceRepository,
      ],
    };
  }
}
