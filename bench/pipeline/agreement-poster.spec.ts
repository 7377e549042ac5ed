import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { AgreementPoster } from './agreement-poster';

/** How the stand-in for ingest treats a request, the n-th (from 1) on its connection. */
type Answer = (response: ServerResponse, requestOnConnection: number) => void;

const accept: Answer = (response) => {
  response.writeHead(202, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ id: 'agreement-1' }));
};

/** Closes the connection instead of answering, as a server does with one it has just timed out. */
const drop: Answer = (response) => response.socket?.destroy();

describe('AgreementPoster', () => {
  let server: Server;
  let poster: AgreementPoster;
  let answer: Answer;
  let requests: number;

  beforeEach(async () => {
    requests = 0;
    const requestsOn = new WeakMap<Socket, number>();
    server = createServer((request, response) => {
      requests++;
      const onConnection = (requestsOn.get(request.socket) ?? 0) + 1;
      requestsOn.set(request.socket, onConnection);
      request.resume();
      request.on('end', () => answer(response, onConnection));
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    poster = new AgreementPoster(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  afterEach(async () => {
    poster.close();
    await new Promise((closed) => server.close(closed));
  });

  it("answers the accepted agreement's id, and null for a post ingest refuses", async () => {
    answer = accept;
    await expect(poster.post('an agreement')).resolves.toBe('agreement-1');
    answer = (response) => response.writeHead(400).end('{"detail":"empty"}');
    await expect(poster.post('')).resolves.toBeNull();
  });

  it('sends a post again on a new connection when a kept-alive one closes before answering', async () => {
    answer = (response, onConnection) =>
      onConnection === 1 ? accept(response, onConnection) : drop(response, onConnection);
    await expect(poster.post('first')).resolves.toBe('agreement-1');
    await expect(poster.post('second, on the kept-alive connection')).resolves.toBe('agreement-1');
    expect(requests).toBe(3);
  });

  it('sends it again outside the pool, which may hold more connections the server closed', async () => {
    answer = (response, onConnection) =>
      onConnection === 1 ? accept(response, onConnection) : drop(response, onConnection);
    // Two at once: two kept-alive connections in the pool.
    await Promise.all([poster.post('first'), poster.post('second')]);
    await expect(poster.post('third')).resolves.toBe('agreement-1');
  });

  it('fails a post that a new connection does not answer either, without trying again', async () => {
    answer = drop;
    await expect(poster.post('never answered')).rejects.toThrow();
    expect(requests).toBe(1);
  });
});
