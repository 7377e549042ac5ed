import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { OutboundAllowlist } from './outbound-allowlist';
import { OutboundRefusedError, ResponseTooLargeError } from './outbound-errors';
import { OutboundHttp } from './outbound-http';

const limits = { timeoutMs: 2_000, maxBytes: 1_000, maxRedirects: 3 };

describe('OutboundHttp against a real local server', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/big') return void response.end('x'.repeat(5_000));
      if (request.url === '/slow') return void setTimeout(() => response.end('late'), 5_000);
      if (request.url === '/to-self')
        return void response.writeHead(302, { location: '/ok' }).end();
      if (request.url === '/to-metadata') {
        return void response
          .writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' })
          .end();
      }
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const allowed = () => new OutboundHttp(OutboundAllowlist.parse(['127.0.0.1']));

  it('refuses loopback unless the allowlist names it', async () => {
    await expect(new OutboundHttp().send(`http://127.0.0.1:${port}/ok`, limits)).rejects.toThrow(
      OutboundRefusedError,
    );
    const response = await allowed().send(`http://127.0.0.1:${port}/ok`, limits);
    expect(response.body.toString()).toBe('ok');
  });

  it('refuses a name that resolves to loopback, checked when connecting', async () => {
    await expect(new OutboundHttp().send(`http://localhost:${port}/ok`, limits)).rejects.toThrow(
      /localhost resolves to .* not public/,
    );
  });

  it('refuses schemes other than http and https', async () => {
    await expect(allowed().send('file:///etc/passwd', limits)).rejects.toThrow(
      /only http and https/,
    );
  });

  it('follows redirects, re-checking each destination', async () => {
    const response = await allowed().send(`http://127.0.0.1:${port}/to-self`, limits);
    expect(response).toMatchObject({ status: 200, url: `http://127.0.0.1:${port}/ok` });
    await expect(allowed().send(`http://127.0.0.1:${port}/to-metadata`, limits)).rejects.toThrow(
      /169\.254\.169\.254/,
    );
  });

  it('returns the redirect itself when told not to follow', async () => {
    const response = await allowed().send(`http://127.0.0.1:${port}/to-self`, {
      ...limits,
      maxRedirects: 0,
    });
    expect(response.status).toBe(302);
  });

  it('caps the size of a response', async () => {
    await expect(allowed().send(`http://127.0.0.1:${port}/big`, limits)).rejects.toThrow(
      ResponseTooLargeError,
    );
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    await expect(
      allowed().send(`http://127.0.0.1:${port}/slow`, { ...limits, timeoutMs: 300 }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
