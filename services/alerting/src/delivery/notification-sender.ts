import { EmailClient, ReceiverRepository, WebhookClient } from '@dealwatch/alerting/data-access';
import type { ClaimedDelivery, ReceiverTarget } from '@dealwatch/alerting/data-access';
import {
  alertEmail,
  buildGroupedBody,
  escalatedNotificationIdFor,
  groupedContent,
  groupedNotificationIdFor,
  judgeOutcome,
  judgeSmtpOutcome,
  milestoneCalendar,
  notificationContent,
  resolvedNotificationIdFor,
  slackMessage,
  teamsMessage,
} from '@dealwatch/alerting/domain';
import type {
  AlertWebhookBody,
  DeliveryVerdict,
  EscalatedWebhookBody,
  NotificationContent,
  ResolvedWebhookBody,
  SingleAlertBody,
} from '@dealwatch/alerting/domain';
import { CLOCK } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';

import { WebhookReceivers } from './webhook-receivers';

/** One notification ready to go, in every receiver's format. */
interface Outgoing {
  /** `webhook-id`, and the e-mail's Message-ID. */
  id: string;
  alertId: string;
  /** The webhook body. */
  body: string;
  content: () => NotificationContent;
  /** Whether an e-mail carries the milestone as an .ics attachment. */
  calendar: boolean;
}

/** What one attempt came to, whatever the channel. */
export interface SendResult {
  verdict: DeliveryVerdict;
  /** HTTP status, or the SMTP reply code. */
  statusCode: number | null;
  durationMs: number;
}

/**
 * Sends one delivery over its receiver's channel: a signed Standard Webhook (the environment's
 * receivers and `webhook` ones), a Slack or Teams message (unsigned: their URL is the credential), or
 * an e-mail with the milestone as an .ics attachment. Every format is rendered from the alert's
 * webhook body, so all receivers of one alert say the same thing.
 */
@Injectable()
export class NotificationSender {
  constructor(
    private readonly webhooks: WebhookClient,
    private readonly email: EmailClient,
    private readonly envReceivers: WebhookReceivers,
    private readonly receivers: ReceiverRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(claimed: ClaimedDelivery): Promise<SendResult> {
    return this.dispatch(claimed, {
      id: notificationIdOf(claimed),
      alertId: claimed.alertId,
      body: claimed.body,
      content: () =>
        notificationContent(
          JSON.parse(claimed.body) as AlertWebhookBody | ResolvedWebhookBody | EscalatedWebhookBody,
        ),
      calendar: claimed.notification !== 'resolved',
    });
  }

  /** Deliveries to one receiver as one notification: a webhook body with an `alerts` array. */
  async sendGroup(group: readonly ClaimedDelivery[], reason: string): Promise<SendResult> {
    const [first] = group;
    if (!first) return notSent('nothing to send');
    const body = buildGroupedBody(
      group.map((claimed) => JSON.parse(claimed.body) as SingleAlertBody),
      reason,
      this.clock.now(),
    );
    return this.dispatch(first, {
      id: groupedNotificationIdFor(group.map((claimed) => claimed.deliveryId)),
      alertId: first.alertId,
      body: JSON.stringify(body),
      content: () => groupedContent(body),
      calendar: false,
    });
  }

  private async dispatch(claimed: ClaimedDelivery, outgoing: Outgoing): Promise<SendResult> {
    if (claimed.receiverId === null) {
      const url = this.envReceivers.urlOf(claimed.receiver);
      if (!url) return notSent(`receiver ${claimed.receiver} is no longer configured`);
      return this.post(url, outgoing.id, outgoing.body, undefined);
    }
    const target = await this.receivers.findTarget(claimed.receiverId);
    if (!target) return notSent(`receiver ${claimed.receiver} was deleted or disabled`);
    switch (target.kind) {
      case 'webhook':
        return this.post(target.url, outgoing.id, outgoing.body, target.signingSecret);
      case 'slack':
        return this.post(
          target.url,
          outgoing.id,
          JSON.stringify(slackMessage(outgoing.content())),
          null,
        );
      case 'teams':
        return this.post(
          target.url,
          outgoing.id,
          JSON.stringify(teamsMessage(outgoing.content())),
          null,
        );
      case 'email':
        return this.mail(target, outgoing);
    }
  }

  private async post(
    url: string | null,
    id: string,
    body: string,
    secret: string | null | undefined,
  ): Promise<SendResult> {
    if (url === null) return notSent('receiver has no URL');
    const sent = await this.webhooks.post(url, { id, body }, this.clock.now(), { secret });
    return {
      verdict: judgeOutcome(sent.outcome, this.clock.now()),
      statusCode: sent.outcome.kind === 'response' ? sent.outcome.status : null,
      durationMs: sent.durationMs,
    };
  }

  private async mail(target: ReceiverTarget, outgoing: Outgoing): Promise<SendResult> {
    const content = outgoing.content();
    const rendered = alertEmail(content);
    const sent = await this.email.send({
      to: target.emailTo,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: `<${outgoing.id}@dealwatch>`,
      headers: { 'X-DealWatch-Alert-Id': outgoing.alertId },
      calendar: outgoing.calendar
        ? { filename: 'milestone.ics', content: milestoneCalendar(content, this.clock.now()) }
        : null,
    });
    return {
      verdict: judgeSmtpOutcome(sent.outcome),
      statusCode: sent.outcome.responseCode,
      durationMs: sent.durationMs,
    };
  }
}

/** The `webhook-id` (and e-mail Message-ID) of what is sent: the alert's, its resolution's or escalation's. */
function notificationIdOf(claimed: ClaimedDelivery): string {
  switch (claimed.notification) {
    case 'firing':
      return claimed.alertId;
    case 'resolved':
      return resolvedNotificationIdFor(claimed.alertId);
    case 'escalated':
      return escalatedNotificationIdFor(claimed.alertId);
  }
}

function notSent(reason: string): SendResult {
  return { verdict: { kind: 'permanent', reason }, statusCode: null, durationMs: 0 };
}
