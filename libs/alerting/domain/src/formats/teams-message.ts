import { severityMark } from './notification-content';
import type { NotificationContent } from './notification-content';

/**
 * A Microsoft Teams message carrying an Adaptive Card (1.4), the format Teams incoming webhooks and
 * Workflows accept: `{ type: 'message', attachments: [{ contentType, content }] }`.
 */
export interface TeamsMessage {
  type: 'message';
  summary: string;
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: Record<string, unknown>;
  }[];
}

export function teamsMessage(content: NotificationContent): TeamsMessage {
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      {
        type: 'TextBlock',
        size: 'Medium',
        weight: 'Bolder',
        wrap: true,
        color: content.resolved
          ? 'Good'
          : content.severity === 'critical' || content.severity === 'high'
            ? 'Attention'
            : 'Default',
        text: `${severityMark(content)} ${content.headline}`,
      },
      { type: 'TextBlock', wrap: true, text: content.summary },
      {
        type: 'FactSet',
        facts: content.facts.map(([title, value]) => ({ title, value })),
      },
      { type: 'TextBlock', wrap: true, isSubtle: true, text: `“${content.evidence}”` },
    ],
  };
  if (content.ackUrl) {
    card['actions'] = [{ type: 'Action.OpenUrl', title: 'Acknowledge', url: content.ackUrl }];
  }
  return {
    type: 'message',
    summary: content.summary,
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
    ],
  };
}
