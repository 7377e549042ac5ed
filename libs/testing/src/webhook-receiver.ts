import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: Date;
  /** The status the receiver answered with. */
  status: number;
}

/**
 * An HTTP server on 127.0.0.1 that records every request. `respondWith` chooses the answer per
 * request (e.g. fail the first two), so tests can exercise retries against a real socket.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  respondWith: (request: { index: number; body: string }) => number | Promise<number> = () => 204;
  private server: Server | null = null;

  async start(port = 0): Promise<this> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        void Promise.resolve(this.respondWith({ index: this.requests.length, body })).then(
          (status) => {
            this.requests.push({ headers: request.headers, body, receivedAt: new Date(), status });
            response.writeHead(status).end();
          },
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('receiver is not listening');
    return `http://127.0.0.1:${address.port}/hook`;
  }

  /** Requests the receiver accepted (2xx). */
  get accepted(): ReceivedRequest[] {
    return this.requests.filter((request) => request.status >= 200 && request.status < 300);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }
}
