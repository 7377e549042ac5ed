import { EmailClient, ReceiverRepository, WebhookClient } from '@dealwatch/alerting/data-access';
import type { ClaimedDelivery, ReceiverTarget } from '@dealwatch/alerting/data-access';
import {
  alertEmail,
  buildGroupedBody,
  digestEmail,
  digestSlackMessage,
  digestTeamsMessage,
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
  AlertEmail,
  AlertWebhookBody,
  DeliveryVerdict,
  DigestWebhookBody,
  EscalatedWebhookBody,
  NotificationContent,
  ResolvedWebhookBody,
  SingleAlertBody,
  SlackMessage,
  TeamsMessage,
} from '@dealwatch/alerting/domain';
import { CLOCK } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';

import { WebhookReceivers } from './webhook-receivers';

/** One notification ready to go, in every receiver's format. */
interface Outgoing {
  /** `webhook-id`, and the e-mail's Message-ID. */
  id: string;
  alertId: string | null;
  /** The webhook body. */
  body: string;
  slack: () => SlackMessage;
  teams: () => TeamsMessage;
  email: () => AlertEmail;
  /** The milestone as an .ics attachment of the e-mail, when it has one. */
  calendar: (() => string) | null;
}

/** Who a notification goes to: a receiver of the environment (no id) or one managed by API. */
interface Addressee {
  receiver: string;
  receiverId: string | null;
}

export interface SendResult {
  verdict: DeliveryVerdict;
  /** HTTP status, or the SMTP reply code. */
  statusCode: number | null;
  durationMs: number;
}

/**
 * Sends one notification over its receiver's channel: a signed Standard Webhook (the environment's
 * receivers and `webhook` ones), a Slack or Teams message (unsigned: their URL is the credential), or
 * an e-mail (with the milestone as an .ics attachment when there is one). Every format is rendered
 * from the webhook body (an alert's, a group's or a digest's), so all receivers say the same thing.
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
    const content = () =>
      notificationContent(
        JSON.parse(claimed.body) as AlertWebhookBody | ResolvedWebhookBody | EscalatedWebhookBody,
      );
    return this.dispatch(claimed, {
      id: notificationIdOf(claimed),
      alertId: claimed.alertId,
      body: claimed.body,
      ...formatsOf(content),
      calendar:
        claimed.notification === 'resolved'
          ? null
          : () => milestoneCalendar(content(), this.clock.now()),
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
      ...formatsOf(() => groupedContent(body)),
      calendar: null,
    });
  }

  /** A receiver's daily digest, under the digest's own id. */
  sendDigest(to: Addressee, digestId: string, body: string): Promise<SendResult> {
    const digest = JSON.parse(body) as DigestWebhookBody;
    return this.dispatch(to, {
      id: digestId,
      alertId: null,
      body,
      slack: () => digestSlackMessage(digest),
      teams: () => digestTeamsMessage(digest),
      email: () => digestEmail(digest),
      calendar: null,
    });
  }

  private async dispatch(to: Addressee, outgoing: Outgoing): Promise<SendResult> {
    if (to.receiverId === null) {
      const url = this.envReceivers.urlOf(to.receiver);
      if (!url) return notSent(`receiver ${to.receiver} is no longer configured`);
      return this.post(url, outgoing.id, outgoing.body, undefined);
    }
    const target = await this.receivers.findTarget(to.receiverId);
    if (!target) return notSent(`receiver ${to.receiver} was deleted or disabled`);
    switch (target.kind) {
      case 'webhook':
        return this.post(target.url, outgoing.id, outgoing.body, target.signingSecret);
      case 'slack':
        return this.post(target.url, outgoing.id, JSON.stringify(outgoing.slack()), null);
      case 'teams':
        return this.post(target.url, outgoing.id, JSON.stringify(outgoing.teams()), null);
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
    const rendered = outgoing.email();
    const sent = await this.email.send({
      to: target.emailTo,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: `<${outgoing.id}@dealwatch>`,
      headers: outgoing.alertId
        ? { 'X-DealWatch-Alert-Id': outgoing.alertId }
        : { 'X-DealWatch-Digest-Id': outgoing.id },
      calendar: outgoing.calendar
        ? { filename: 'milestone.ics', content: outgoing.calendar() }
        : null,
    });
    return {
      verdict: judgeSmtpOutcome(sent.outcome),
      statusCode: sent.outcome.responseCode,
      durationMs: sent.durationMs,
    };
  }
}

/** Chat and e-mail of a notification rendered from what every format shows of it. */
function formatsOf(
  content: () => NotificationContent,
): Pick<Outgoing, 'slack' | 'teams' | 'email'> {
  return {
    slack: () => slackMessage(content()),
    teams: () => teamsMessage(content()),
    email: () => alertEmail(content()),
  };
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
