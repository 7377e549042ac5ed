import { escapeHtml } from '../formats/alert-email';
import type { AlertEmail } from '../formats/alert-email';
import { clip, oneLine, severityMark } from '../formats/notification-content';
import { escapeMrkdwn } from '../formats/slack-message';
import type { SlackMessage } from '../formats/slack-message';
import type { TeamsMessage } from '../formats/teams-message';
import { bySeveritySections, isEmptyDigest } from './digest-body';
import type { DigestAlert, DigestWebhookBody } from './digest-body';

/** Slack allows 50 blocks a message; Teams cards grow slow past a few dozen elements. */
const MAX_CHAT_ALERTS = 20;
const NOTHING = 'Nothing fired since the last digest, and no overdue alert is open.';

/** The subject, or first line: the day and what it holds. */
export function digestHeadline(body: DigestWebhookBody): string {
  const { data } = body;
  const open = data.stillOpen.length > 0 ? `, ${data.stillOpen.length} overdue still open` : '';
  const fired = `${data.count} alert${data.count === 1 ? '' : 's'}`;
  return `DealWatch digest for ${data.date}: ${fired}${open}`;
}

/** One alert in one line: when, what, which agreement, and where it stands. */
export function digestLine(alert: DigestAlert): string {
  const agreement = alert.agreementTitle ?? `agreement ${alert.agreementId}`;
  return `${capitalise(alert.when)}: ${oneLine(alert.title)} — ${oneLine(agreement)} (due ${alert.dueDate})${standing(alert)}`;
}

function standing(alert: DigestAlert): string {
  if (alert.state === 'resolved') return ` — resolved (${alert.resolution ?? 'closed'})`;
  if (alert.state === 'acknowledged')
    return ` — acknowledged by ${alert.acknowledgedBy ?? 'someone'}`;
  return '';
}

/** Sections in order: each severity of what fired, then the overdue alerts still open. */
function sections(body: DigestWebhookBody): { title: string; alerts: DigestAlert[] }[] {
  const fired = bySeveritySections(body.data.alerts).map(({ severity, alerts }) => ({
    title: `${severityMark({ severity, resolved: false })} ${capitalise(severity)} (${alerts.length})`,
    alerts,
  }));
  const open = body.data.stillOpen;
  return open.length === 0
    ? fired
    : [...fired, { title: `⏰ Overdue, still open (${open.length})`, alerts: open }];
}

export function digestEmail(body: DigestWebhookBody): AlertEmail {
  const subject = digestHeadline(body);
  if (isEmptyDigest(body)) {
    return { subject, text: `${NOTHING}\n`, html: page(`<p>${escapeHtml(NOTHING)}</p>`) };
  }
  const text = sections(body)
    .flatMap(({ title, alerts }) => [
      title,
      '',
      ...alerts.flatMap((alert) => [
        `• ${digestLine(alert)}`,
        `  “${oneLine(alert.evidence.text)}”`,
        ...(ackUrlOf(alert) ? [`  Acknowledge: ${ackUrlOf(alert)}`] : []),
      ]),
      '',
    ])
    .join('\n');
  const html = sections(body)
    .map(
      ({ title, alerts }) =>
        `<h3>${escapeHtml(title)}</h3><ul>` +
        alerts
          .map((alert) => {
            const link = ackUrlOf(alert);
            return (
              `<li><p>${escapeHtml(digestLine(alert))}</p>` +
              `<blockquote>${escapeHtml(oneLine(alert.evidence.text))}</blockquote>` +
              (link ? `<p><a href="${escapeHtml(link)}">Acknowledge</a></p>` : '') +
              '</li>'
            );
          })
          .join('') +
        '</ul>',
    )
    .join('');
  return { subject, text, html: page(`<h2>${escapeHtml(subject)}</h2>${html}`) };
}

export function digestSlackMessage(body: DigestWebhookBody): SlackMessage {
  const headline = digestHeadline(body);
  const blocks: Record<string, unknown>[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(`📋 ${headline}`, 150), emoji: true },
    },
  ];
  if (isEmptyDigest(body)) blocks.push(section(NOTHING));
  let shown = 0;
  for (const { title, alerts } of sections(body)) {
    if (shown >= MAX_CHAT_ALERTS) break;
    blocks.push(section(`*${escapeMrkdwn(title)}*`));
    for (const alert of alerts) {
      if (shown++ >= MAX_CHAT_ALERTS) break;
      const link = ackUrlOf(alert);
      blocks.push({
        ...section(
          clip(
            `${escapeMrkdwn(digestLine(alert))}\n> ${escapeMrkdwn(oneLine(alert.evidence.text))}`,
            3_000,
          ),
        ),
        ...(link
          ? {
              accessory: {
                type: 'button',
                text: { type: 'plain_text', text: 'Acknowledge' },
                url: link,
                action_id: `acknowledge-${alert.alertId}`,
              },
            }
          : {}),
      });
    }
  }
  const hidden = totalOf(body) - MAX_CHAT_ALERTS;
  if (hidden > 0) blocks.push(section(`…and ${hidden} more: see GET /v1/alerts.`));
  return { text: headline, blocks };
}

export function digestTeamsMessage(body: DigestWebhookBody): TeamsMessage {
  const headline = digestHeadline(body);
  const elements: Record<string, unknown>[] = [
    { type: 'TextBlock', size: 'Medium', weight: 'Bolder', wrap: true, text: `📋 ${headline}` },
  ];
  if (isEmptyDigest(body)) elements.push({ type: 'TextBlock', wrap: true, text: NOTHING });
  let shown = 0;
  for (const { title, alerts } of sections(body)) {
    if (shown >= MAX_CHAT_ALERTS) break;
    elements.push({ type: 'TextBlock', weight: 'Bolder', wrap: true, text: title });
    for (const alert of alerts) {
      if (shown++ >= MAX_CHAT_ALERTS) break;
      const link = ackUrlOf(alert);
      elements.push({ type: 'TextBlock', wrap: true, text: digestLine(alert) });
      elements.push({
        type: 'TextBlock',
        wrap: true,
        isSubtle: true,
        text: `“${oneLine(alert.evidence.text)}”`,
      });
      if (link) {
        elements.push({
          type: 'ActionSet',
          actions: [{ type: 'Action.OpenUrl', title: 'Acknowledge', url: link }],
        });
      }
    }
  }
  const hidden = totalOf(body) - MAX_CHAT_ALERTS;
  if (hidden > 0) {
    elements.push({
      type: 'TextBlock',
      wrap: true,
      text: `…and ${hidden} more: see GET /v1/alerts.`,
    });
  }
  return {
    type: 'message',
    summary: headline,
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: elements,
        },
      },
    ],
  };
}

/** Only an alert nobody took on yet offers its acknowledgement link. */
function ackUrlOf(alert: DigestAlert): string | null {
  return alert.state === 'firing' ? (alert.ackUrl ?? null) : null;
}

function totalOf(body: DigestWebhookBody): number {
  return body.data.alerts.length + body.data.stillOpen.length;
}

function section(text: string) {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function page(content: string): string {
  return `<!doctype html><html><body>${content}</body></html>`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
