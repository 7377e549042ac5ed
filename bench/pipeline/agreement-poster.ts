import { TEST_ADMIN_API_KEY } from '@dealwatch/testing';

import { Agent, request } from 'node:http';

export interface PostAnswer {
  status: number;
  /** The agreement's id, when ingest accepted the document. */
  id: string | null;
}

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

  post(text: string): Promise<PostAnswer> {
    return new Promise((resolve, reject) => {
      const body = Buffer.from(text);
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
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const answer = JSON.parse(Buffer.concat(chunks).toString()) as { id?: string };
            resolve({ status, id: status === 202 ? (answer.id ?? null) : null });
          });
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
