import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a stub saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  contentType: string | null;
  authorization: string | null;
  body: Buffer;
}

export interface StubAnswer {
  status: number;
  body: string;
  contentType?: string;
}

/**
 * A local HTTP server answering with `answer` and recording each request, for specs of the CLI's
 * HTTP commands (the CLI is a client: a stub of the service's contract is what it is tested against).
 */
export async function stubServer(
  answer: (request: SeenRequest) => StubAnswer,
): Promise<{ url: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      const entry: SeenRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        contentType: request.headers['content-type'] ?? null,
        authorization: request.headers.authorization ?? null,
        body,
      };
      seen.push(entry);
      const { status, body: text, contentType } = answer(entry);
      response.writeHead(status, { 'content-type': contentType ?? 'application/json' });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A port nothing listens on: one the OS just handed out and took back. */
export async function closedPortUrl(): Promise<string> {
  const stub = await stubServer(() => ({ status: 204, body: '' }));
  await stub.close();
  return stub.url;
}
