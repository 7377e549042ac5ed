import { UnauthorizedException } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';

import { ProblemDetailsFilter } from './problem-details.filter';
import { ProblemException } from './problem.exception';

/** What the filter does to an Express response, recorded. */
function answer(exception: unknown) {
  const headers: Record<string, string> = {};
  const sent = { status: 0, body: '', headers };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
      return response;
    },
    hasHeader: (name: string) => name.toLowerCase() in headers,
    status: (status: number) => {
      sent.status = status;
      return response;
    },
    end: (body: string) => {
      sent.body = body;
    },
  };
  const request = { method: 'POST', path: '/v1/things' };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  const logged: unknown[][] = [];
  const logger = { error: (...args: unknown[]) => logged.push(args) } as unknown as Logger;
  new ProblemDetailsFilter(logger).catch(exception, host);
  return { ...sent, json: JSON.parse(sent.body) as Record<string, unknown>, logged };
}

describe('ProblemDetailsFilter', () => {
  it('answers an unexpected error with a 500 problem that hides its cause, and logs the cause', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'secret')");
    const { status, headers, json, logged } = answer(bug);
    expect(status).toBe(500);
    expect(headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(json).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'the request failed on our side; the cause is logged',
      instance: '/v1/things',
    });
    expect(JSON.stringify(json)).not.toContain('secret');
    expect(logged).toEqual([[{ err: bug, method: 'POST', path: '/v1/things' }, 'request failed']]);
  });

  it('challenges every 401 with Bearer, and sends the headers a problem carries', () => {
    expect(answer(new UnauthorizedException()).headers['www-authenticate']).toBe(
      'Bearer realm="dealwatch"',
    );
    const limited = answer(
      new ProblemException(429, { detail: 'slow down', headers: { 'retry-after': '12' } }),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('12');
    expect(limited.json).toMatchObject({ type: 'https://dealwatch.dev/problems/rate-limited' });
  });
});
