import { EmailClient, ReceiverRepository, WebhookClient } from '@dealwatch/alerting/data-access';
import type { ClaimedDelivery, ReceiverTarget } from '@dealwatch/alerting/data-access';
import {
  alertEmail,
  escalatedNotificationIdFor,
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
  ResolvedWebhookBody,
} from '@dealwatch/alerting/domain';
import { CLOCK } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';

import { WebhookReceivers } from './webhook-receivers';

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
    if (claimed.receiverId === null) {
      const url = this.envReceivers.urlOf(claimed.receiver);
      if (!url) return notSent(`receiver ${claimed.receiver} is no longer configured`);
      return this.post(url, notificationIdOf(claimed), claimed.body, undefined);
    }
    const target = await this.receivers.findTarget(claimed.receiverId);
    if (!target) return notSent(`receiver ${claimed.receiver} was deleted or disabled`);
    return this.sendTo(target, claimed);
  }

  private async sendTo(target: ReceiverTarget, claimed: ClaimedDelivery): Promise<SendResult> {
    const content = () =>
      notificationContent(
        JSON.parse(claimed.body) as AlertWebhookBody | ResolvedWebhookBody | EscalatedWebhookBody,
      );
    const id = notificationIdOf(claimed);
    switch (target.kind) {
      case 'webhook':
        return this.post(target.url, id, claimed.body, target.signingSecret);
      case 'slack':
        return this.post(target.url, id, JSON.stringify(slackMessage(content())), null);
      case 'teams':
        return this.post(target.url, id, JSON.stringify(teamsMessage(content())), null);
      case 'email':
        return this.mail(target, claimed, content());
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

  private async mail(
    target: ReceiverTarget,
    claimed: ClaimedDelivery,
    content: ReturnType<typeof notificationContent>,
  ): Promise<SendResult> {
    const rendered = alertEmail(content);
    const sent = await this.email.send({
      to: target.emailTo,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: `<${notificationIdOf(claimed)}@dealwatch>`,
      headers: { 'X-DealWatch-Alert-Id': claimed.alertId },
      calendar: content.resolved
        ? null
        : { filename: 'milestone.ics', content: milestoneCalendar(content, this.clock.now()) },
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
