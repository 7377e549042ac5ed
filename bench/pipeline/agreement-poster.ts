import { TEST_ADMIN_API_KEY } from '@dealwatch/testing';

import { Agent, request } from 'node:http';

/**
 * Posts documents to ingest as the load generator: node:http over kept-alive connections. The
 * benchmark shares the two cores with what it measures, and global fetch spent about four times
 * the CPU per request (some 300 us against 75 us on this machine).
 */
export class AgreementPoster {
  private readonly agent = new Agent({ keepAlive: true });
  private readonly url: URL;

  constructor(ingestUrl: string) {
    this.url = new URL('/v1/agreements', ingestUrl);
  }

  /** The agreement's id, or null when ingest did not accept the document. */
  async post(text: string): Promise<string | null> {
    const { status, body } = await this.send(Buffer.from(text));
    return status === 202 ? (JSON.parse(body) as { id: string }).id : null;
  }

  private send(body: Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            authorization: `Bearer ${TEST_ADMIN_API_KEY}`,
            'content-type': 'text/plain',
            'content-length': body.length,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
