import { clip, severityMark } from './notification-content';
import type { NotificationContent } from './notification-content';

/** A Slack incoming-webhook body: `text` for notifications and old clients, `blocks` for layout. */
export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
}

/** Slack's limits: 150 characters in a header, 3,000 in a section, 2,000 in a field. */
const HEADER_MAX = 150;
const SECTION_MAX = 3_000;
const FIELD_MAX = 2_000;

export function slackMessage(content: NotificationContent): SlackMessage {
  const blocks: Record<string, unknown>[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: clip(`${severityMark(content)} ${content.headline}`, HEADER_MAX),
        emoji: true,
      },
    },
    { type: 'section', text: mrkdwn(clip(escapeMrkdwn(content.summary), SECTION_MAX)) },
    {
      type: 'section',
      fields: content.facts.map(([label, value]) =>
        mrkdwn(clip(`*${label}*\n${escapeMrkdwn(value)}`, FIELD_MAX)),
      ),
    },
    {
      type: 'context',
      elements: [mrkdwn(clip(`> ${escapeMrkdwn(content.evidence)}`, SECTION_MAX))],
    },
  ];
  if (content.ackUrl) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Acknowledge' },
          url: content.ackUrl,
          action_id: 'acknowledge',
        },
      ],
    });
  }
  return { text: content.summary, blocks };
}

function mrkdwn(text: string) {
  return { type: 'mrkdwn', text };
}

/** Slack reads `&`, `<` and `>` as markup; text from an agreement must not become a link or mention. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
