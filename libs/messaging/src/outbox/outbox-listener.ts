import { WakeableSleep } from '@dealwatch/time';

import { Client, escapeIdentifier } from 'pg';
import type { ClientConfig } from 'pg';
import type { Logger } from 'pino';

import { OUTBOX_CHANNEL_SQL } from './outbox-channel';

export interface OutboxListenerOptions {
  /** The pause before the first reconnection attempt; it doubles after each failed one. */
  reconnectBackoffMs?: number;
  /** The longest pause between reconnection attempts. */
  maxReconnectBackoffMs?: number;
}

/**
 * Holds one session that LISTENs on the outbox's channel and calls `onNotified` for every commit that
 * appended events, whichever process made it. When the session drops (PostgreSQL restarted, the
 * backend was terminated) it reconnects with back-off, and calls `onNotified` once after each
 * (re)connection, for the commits made while nobody listened. Failures are logged, never thrown: the
 * relay's poll still finds every row, only later.
 */
export class OutboxListener {
  private running = false;
  private loop: Promise<void> | null = null;
  private client: Client | null = null;
  private readonly pause = new WakeableSleep();
  private readonly firstBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly connection: ClientConfig,
    private readonly onNotified: () => void,
    private readonly logger: Logger,
    options: OutboxListenerOptions = {},
  ) {
    this.firstBackoffMs = options.reconnectBackoffMs ?? 500;
    this.maxBackoffMs = Math.max(this.firstBackoffMs, options.maxReconnectBackoffMs ?? 10_000);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.pause.wake();
    await this.client?.end().catch(() => undefined);
    await this.loop;
  }

  private async run(): Promise<void> {
    let backoffMs = this.firstBackoffMs;
    while (this.running) {
      const listened = await this.listenUntilDisconnected();
      // After stop() this pause returns at once, and the loop ends.
      backoffMs = listened ? this.firstBackoffMs : Math.min(backoffMs * 2, this.maxBackoffMs);
      await this.pause.sleep(backoffMs);
    }
  }

  /** Answers whether it got as far as listening, which resets the back-off. */
  private async listenUntilDisconnected(): Promise<boolean> {
    const client = new Client(this.connection);
    this.client = client;
    const disconnected = new Promise<void>((resolve) => client.once('end', resolve));
    // Without a listener, pg's 'error' event would be thrown and end the process. A terminated
    // backend raises two (its FATAL message, then the closed socket): the first says why.
    let lost = false;
    client.on('error', (error) => {
      if (lost || !this.running) return;
      lost = true;
      this.logger.warn({ err: error }, 'outbox listener lost its connection; will reconnect');
    });
    client.on('notification', () => {
      this.onNotified();
    });
    let channel: string;
    try {
      // pg never settles connect() when end() is called while it connects (as stop() may do).
      channel = await Promise.race([this.listen(client), disconnected.then(endedTooSoon)]);
    } catch (error) {
      if (this.running) {
        this.logger.warn({ err: error }, 'outbox listener could not listen; will retry');
      }
      await client.end().catch(() => undefined);
      return false;
    }
    if (!this.running) {
      await client.end().catch(() => undefined);
      return false;
    }
    this.logger.info({ channel }, 'outbox listener is listening');
    this.onNotified();
    await disconnected;
    return true;
  }

  private async listen(client: Client): Promise<string> {
    await client.connect();
    const { rows } = await client.query<{ channel: string | null }>(
      `SELECT ${OUTBOX_CHANNEL_SQL} AS channel`,
    );
    const channel = rows[0]?.channel;
    if (!channel) throw new Error('the outbox schema is not on the search_path (yet)');
    await client.query(`LISTEN ${escapeIdentifier(channel)}`);
    return channel;
  }
}

function endedTooSoon(): never {
  throw new Error('the connection ended before it listened');
}
