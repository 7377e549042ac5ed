import { OutboundAllowlist, OutboundHttp } from '@dealwatch/outbound';
import { WebhookReceiver } from '@dealwatch/testing';

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

import { WebhookClient } from './webhook.client';

const secret = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;
const message = {
  id: '8f14e45f-ceea-467f-a9d5-4e2f2b1e1c3a',
  body: '{"type":"milestone.reminder"}',
};

describe('WebhookClient against real sockets', () => {
  const receiver = new WebhookReceiver();
  const http = new OutboundHttp(OutboundAllowlist.parse(['127.0.0.1']));
  const client = new WebhookClient(
    { secret, timeoutMs: 300, userAgent: 'DealWatch-Alerting/test' },
    http,
  );

  beforeAll(async () => {
    await receiver.start();
  });

  afterAll(async () => {
    await receiver.stop();
    await http.close();
  });

  it('signs so that a receiver holding the secret can verify it with the same package', async () => {
    receiver.respondWith = () => 204;
    const sent = await client.post(receiver.url, message, new Date());

    expect(sent.outcome).toMatchObject({ kind: 'response', status: 204 });
    const request = receiver.requests.at(-1)!;
    expect(request.body).toBe(message.body);
    expect(request.headers['webhook-id']).toBe(message.id);
    expect(request.headers['content-type']).toBe('application/json');
    const verified = new Webhook(secret).verify(request.body, {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    });
    expect(verified).toEqual({ type: 'milestone.reminder' });
  });

  it('fails verification for a receiver with another secret', async () => {
    receiver.respondWith = () => 204;
    await client.post(receiver.url, message, new Date());
    const request = receiver.requests.at(-1)!;
    const otherSecret = `whsec_${Buffer.from('another secret, thirty-two bytes').toString('base64')}`;
    expect(() =>
      new Webhook(otherSecret).verify(request.body, {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      }),
    ).toThrow();
  });

  it('reports the status of a refusal', async () => {
    receiver.respondWith = () => 503;
    const sent = await client.post(receiver.url, message, new Date());
    expect(sent.outcome).toEqual({ kind: 'response', status: 503, retryAfter: null, body: '' });
    expect(sent.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a receiver that does not answer in time as a timeout', async () => {
    receiver.respondWith = () => new Promise((resolve) => setTimeout(() => resolve(204), 1_000));
    const sent = await client.post(receiver.url, message, new Date());
    expect(sent.outcome).toEqual({ kind: 'timeout', timeoutMs: 300 });
    expect(sent.durationMs).toBeLessThan(1_000);
  });

  it('reports a refused connection with its cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const sent = await client.post(`http://127.0.0.1:${port}/hook`, message, new Date());
    expect(sent.outcome).toMatchObject({
      kind: 'connection-error',
      message: expect.stringMatching(/^ECONNREFUSED/),
    });
  });

  it('signs with the secret of the receiver when given one, and not at all for null', async () => {
    receiver.respondWith = () => 204;
    const own = `whsec_${Buffer.from('a receiver of its own, 32 bytes!').toString('base64')}`;
    await client.post(receiver.url, message, new Date(), { secret: own });
    const signed = receiver.requests.at(-1)!;
    expect(() =>
      new Webhook(own).verify(signed.body, {
        'webhook-id': String(signed.headers['webhook-id']),
        'webhook-timestamp': String(signed.headers['webhook-timestamp']),
        'webhook-signature': String(signed.headers['webhook-signature']),
      }),
    ).not.toThrow();

    await client.post(receiver.url, message, new Date(), { secret: null });
    const unsigned = receiver.requests.at(-1)!;
    expect(unsigned.headers['webhook-signature']).toBeUndefined();
    expect(unsigned.body).toBe(message.body);
  });

  describe('SSRF guard', () => {
    const guarded = new WebhookClient(
      { secret, timeoutMs: 300, userAgent: 'DealWatch-Alerting/test' },
      new OutboundHttp(),
    );

    it.each([
      ['loopback without an allowlist entry', () => receiver.url, /^127\.0\.0\.1 is not a public/],
      [
        'the cloud metadata address',
        () => 'http://169.254.169.254/latest/meta-data',
        /^169\.254\.169\.254 is not a public/,
      ],
      [
        'a name that resolves to loopback',
        () => receiver.url.replace('127.0.0.1', 'localhost'),
        /^localhost resolves to .*, which is not public/,
      ],
    ])('refuses %s without sending anything', async (_label, url, reason) => {
      const before = receiver.requests.length;
      const sent = await guarded.post(url(), message, new Date());
      expect(sent.outcome).toEqual({ kind: 'refused', reason: expect.stringMatching(reason) });
      expect(receiver.requests).toHaveLength(before);
    });
  });

  describe('with a receiver that answers with headers and a body', () => {
    let server: Server;
    let url: string;

    beforeAll(async () => {
      server = createServer((request, response) => {
        request.resume();
        if (request.url === '/busy') response.writeHead(429, { 'retry-after': '7' }).end();
        else if (request.url === '/moved')
          response.writeHead(301, { location: '/elsewhere' }).end();
        else response.writeHead(400).end(`{"error":"${'x'.repeat(5_000)}"}`);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('passes Retry-After on', async () => {
      const sent = await client.post(`${url}/busy`, message, new Date());
      expect(sent.outcome).toMatchObject({ status: 429, retryAfter: '7' });
    });

    it('does not follow a redirect', async () => {
      const sent = await client.post(`${url}/moved`, message, new Date());
      expect(sent.outcome).toMatchObject({ kind: 'response', status: 301 });
    });

    it('keeps only the start of a long answer', async () => {
      const sent = await client.post(`${url}/bad`, message, new Date());
      expect(sent.outcome).toMatchObject({ kind: 'response', status: 400 });
      const body = sent.outcome.kind === 'response' ? sent.outcome.body : '';
      expect(body.startsWith('{"error":"xxx')).toBe(true);
      expect(body.length).toBeLessThanOrEqual(1_024);
    });
  });
});
