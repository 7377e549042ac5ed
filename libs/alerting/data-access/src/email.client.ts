import type { SmtpOutcome } from '@dealwatch/alerting/domain';

import { performance } from 'node:perf_hooks';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface EmailClientOptions {
  /** `smtp://` or `smtps://` URL, credentials included; null when e-mail is not configured. */
  smtpUrl: string | null;
  from: string;
  timeoutMs: number;
}

export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Stable per notification, so a mail client can tell a repeat from a new alert. */
  messageId: string;
  headers: Record<string, string>;
  calendar: { filename: string; content: string } | null;
}

export interface SentEmail {
  outcome: SmtpOutcome;
  durationMs: number;
}

/**
 * Hands e-mails to the SMTP server of `SMTP_URL` (nodemailer), reporting what happened; never throws
 * for a failed delivery. The server is the operator's, so the SSRF guard does not apply.
 */
export class EmailClient {
  private readonly transport: Transporter | null;

  constructor(private readonly options: EmailClientOptions) {
    this.transport = options.smtpUrl
      ? createTransport({
          url: options.smtpUrl,
          connectionTimeout: options.timeoutMs,
          greetingTimeout: options.timeoutMs,
          socketTimeout: options.timeoutMs,
        })
      : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    const started = performance.now();
    const outcome = await this.deliver(email);
    return { outcome, durationMs: Math.round(performance.now() - started) };
  }

  close(): void {
    this.transport?.close();
  }

  private async deliver(email: OutgoingEmail): Promise<SmtpOutcome> {
    if (!this.transport) {
      return {
        kind: 'failed',
        responseCode: null,
        code: 'ENOTCONFIGURED',
        message: 'SMTP_URL is not set',
      };
    }
    try {
      const info = (await this.transport.sendMail({
        from: this.options.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.headers,
        attachments: email.calendar
          ? [
              {
                filename: email.calendar.filename,
                content: email.calendar.content,
                contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              },
            ]
          : [],
      })) as { response?: string };
      return { kind: 'accepted', responseCode: replyCode(info.response) };
    } catch (error) {
      const failure = error as { responseCode?: number; code?: string; message?: string };
      return {
        kind: 'failed',
        responseCode: typeof failure.responseCode === 'number' ? failure.responseCode : null,
        code: typeof failure.code === 'string' ? failure.code : null,
        message: typeof failure.message === 'string' ? failure.message : String(error),
      };
    }
  }
}

/** "250 2.0.0 OK: queued" -> 250. */
function replyCode(response: string | undefined): number | null {
  const match = /^(\d{3})\b/.exec(response ?? '');
  return match ? Number(match[1]) : null;
}
