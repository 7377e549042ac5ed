import type { Response } from 'express';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ConsoleEnv } from '../console.env';
import { Upstream } from './upstream';

/** What the console's HTTP response was given. */
function recordedResponse() {
  const sent: { status?: number; type?: string; body?: string; ended: boolean } = { ended: false };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(body: string) {
      sent.body = body;
      sent.ended = true;
      return this;
    },
    end() {
      sent.ended = true;
      return this;
    },
  };
  return { sent, response: response as unknown as Response };
}

describe('forwarding a request to another service', () => {
  let server: Server;
  let received: {
    method?: string;
    url?: string;
    headers?: IncomingHttpHeaders;
    body: string;
    bytes: Buffer;
  };
  let upstream: Upstream;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const bytes = Buffer.concat(chunks);
        received = {
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: bytes.toString(),
          bytes,
        };
        if (request.method === 'DELETE') response.writeHead(204).end();
        else
          response
            .writeHead(409, { 'content-type': 'application/json' })
            .end('{"message":"the alert is resolved"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    upstream = new Upstream({ INGEST_URL: url, ALERTING_URL: url } as ConsoleEnv);
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("passes the caller's Authorization header on unchanged, and the answer back as it came", async () => {
    const { sent, response } = recordedResponse();
    const ok = await upstream.forward(response, {
      service: 'alerting',
      method: 'POST',
      path: '/v1/alerts/a1/ack',
      authorization: 'Bearer key-123',
      contentType: 'application/json',
      body: '{"by":"ana"}',
    });
    expect(received).toMatchObject({
      method: 'POST',
      url: '/v1/alerts/a1/ack',
      body: '{"by":"ana"}',
    });
    expect(received.headers?.authorization).toBe('Bearer key-123');
    expect(received.headers?.['content-type']).toBe('application/json');
    expect(ok).toBe(false);
    expect(sent).toMatchObject({ status: 409, body: '{"message":"the alert is resolved"}' });
  });

  it('sends no Authorization header when the caller gave none, and relays an empty answer', async () => {
    const { sent, response } = recordedResponse();
    const ok = await upstream.forward(response, {
      service: 'alerting',
      method: 'DELETE',
      path: '/v1/silences/s1',
      authorization: undefined,
    });
    expect(received.headers?.authorization).toBeUndefined();
    expect(ok).toBe(true);
    expect(sent).toEqual({ status: 204, ended: true });
  });

  it('relays an upload as the bytes it is, with the Content-Type it came with', async () => {
    const { response } = recordedResponse();
    const windows1252 = Buffer.from("Les Parties se réuniront à Genève avant l'été.", 'latin1');
    await upstream.forward(response, {
      service: 'ingest',
      method: 'POST',
      path: '/v1/agreements',
      authorization: undefined,
      contentType: 'text/plain; charset=windows-1252',
      body: windows1252,
    });
    expect(received.bytes.equals(windows1252)).toBe(true);
    expect(received.headers?.['content-type']).toBe('text/plain; charset=windows-1252');
  });
});
