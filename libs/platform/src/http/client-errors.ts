import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

import { PROBLEM_CONTENT_TYPE, problemFor } from '../problems/problem-details';

/** Node's own answers to requests it cannot parse, by its parser's error code. */
const STATUS_BY_CODE: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

const DETAIL_BY_STATUS: Record<number, string> = {
  431: 'the request headers are larger than the server accepts (16 KB)',
  413: 'the chunk extensions of the request are too large',
  408: 'the request did not arrive in time',
  400: 'the request is not valid HTTP',
};

/**
 * Requests Node's HTTP parser refuses (headers over its limit, bytes that are not HTTP) never reach
 * Express; Node would answer them with a bare status line. They get the same problem details as
 * any other refusal, written to the socket, which is then closed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
    const body = JSON.stringify({ ...problemFor(status), detail: DETAIL_BY_STATUS[status] });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
