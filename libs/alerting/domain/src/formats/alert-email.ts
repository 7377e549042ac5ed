import { severityMark } from './notification-content';
import type { NotificationContent } from './notification-content';

export interface AlertEmail {
  subject: string;
  text: string;
  html: string;
}

/** The e-mail of an alert: a subject a person can triage from, plain text and the same in HTML. */
export function alertEmail(content: NotificationContent): AlertEmail {
  const subject = `[DealWatch ${content.resolved ? 'resolved' : content.severity}] ${content.headline}`;
  const factLines = content.facts.map(([label, value]) => `${label}: ${value}`);
  const ack = content.ackUrl ? ['', `Acknowledge: ${content.ackUrl}`] : [];
  const text = [
    content.summary,
    '',
    ...factLines,
    '',
    `“${content.evidence}”`,
    ...ack,
    '',
    'The milestone is attached as a calendar event (.ics).',
    '',
  ].join('\n');
  const rows = content.facts
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding-right:12px">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const ackHtml = content.ackUrl
    ? `<p><a href="${escapeHtml(content.ackUrl)}">Acknowledge</a></p>`
    : '';
  const html =
    '<!doctype html><html><body>' +
    `<h2>${severityMark(content)} ${escapeHtml(content.headline)}</h2>` +
    `<p>${escapeHtml(content.summary)}</p>` +
    `<table>${rows}</table>` +
    `<blockquote>${escapeHtml(content.evidence)}</blockquote>` +
    ackHtml +
    '<p style="color:#666">The milestone is attached as a calendar event (.ics).</p>' +
    '</body></html>';
  return { subject, text, html };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
