import { TEST_ADMIN_API_KEY } from '@dealwatch/testing';

import { Agent, request } from 'node:http';

/**
 * Posts documents to ingest as the load generator: node:http over kept-alive connections. The
 * benchmark shares the two cores with what it measures, and global fetch spent about four times
 * the CPU per request (some 300 us against 75 us on this machine).
 */
export class AgreementPoster {
  // An idle connection is closed before the server's keep-alive timeout (Node's 5 s) closes it.
  private readonly agent = new Agent({ keepAlive: true, timeout: 4_000 });
  private readonly url: URL;

  constructor(ingestUrl: string) {
    this.url = new URL('/v1/agreements', ingestUrl);
  }

  /** The agreement's id, or null when ingest did not accept the document. */
  async post(text: string): Promise<string | null> {
    const { status, body } = await this.send(Buffer.from(text));
    return status === 202 ? (JSON.parse(body) as { id: string }).id : null;
  }

  /**
   * Once again on a connection of its own when a kept-alive one was reset before any answer: the
   * server closes a connection idle for its keep-alive timeout, and a request can leave just as it
   * does. Not through the pool, which may hold more connections the server has closed.
   */
  private async send(body: Buffer): Promise<{ status: number; body: string }> {
    try {
      return await this.sendOnce(body, this.agent);
    } catch (error) {
      if (!(error instanceof ResetOfReusedConnection)) throw error;
      return this.sendOnce(body, false);
    }
  }

  /** `false`: a new connection, closed after the answer. */
  private sendOnce(body: Buffer, agent: Agent | false): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        this.url,
        {
          method: 'POST',
          agent,
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
      outgoing.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          outgoing.reusedSocket && error.code === 'ECONNRESET'
            ? new ResetOfReusedConnection(error)
            : error,
        ),
      );
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

class ResetOfReusedConnection extends Error {
  constructor(cause: Error) {
    super('a kept-alive connection was reset before its answer', { cause });
  }
}
