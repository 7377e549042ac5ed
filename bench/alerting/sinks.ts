import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local webhook receiver that notes when each reminder first reached it. */
export class Sink {
  /** reminderId -> first receipt (ms since the epoch). */
  readonly received = new Map<string, number>();
  requests = 0;
  duplicates = 0;
  /** Answer 500 to every other request when true. */
  failHalf = false;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests += 1;
        if (this.failHalf && this.requests % 2 === 0) {
          response.writeHead(500).end();
          return;
        }
        const at = Date.now();
        for (const reminderId of remindersIn(Buffer.concat(chunks).toString('utf8'))) {
          if (this.received.has(reminderId)) this.duplicates += 1;
          else this.received.set(reminderId, at);
        }
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** The reminders a body carries: one, or a grouped notification's list. */
function remindersIn(body: string): string[] {
  const parsed = JSON.parse(body) as {
    data?: { reminderId?: string; alerts?: { reminderId: string }[] };
  };
  if (parsed.data?.alerts) return parsed.data.alerts.map((alert) => alert.reminderId);
  return parsed.data?.reminderId ? [parsed.data.reminderId] : [];
}
