import { judgeOutcome } from './delivery-verdict';

const now = new Date('2026-04-28T09:00:00.000Z');

function answer(status: number, retryAfter: string | null = null, body = '') {
  return { kind: 'response' as const, status, retryAfter, body };
}

describe('judgeOutcome', () => {
  it.each([200, 201, 202, 204])('counts %i as delivered', (status) => {
    expect(judgeOutcome(answer(status), now)).toEqual({ kind: 'delivered' });
  });

  it.each([500, 502, 503, 504, 408, 429])('retries %i', (status) => {
    expect(judgeOutcome(answer(status), now)).toEqual({
      kind: 'retry',
      reason: `HTTP ${status}`,
      retryAfterMs: null,
    });
  });

  it.each([400, 401, 403, 404, 410, 413, 422])('gives up at once on %i', (status) => {
    expect(judgeOutcome(answer(status), now)).toEqual({
      kind: 'permanent',
      reason: `HTTP ${status}`,
    });
  });

  it('does not follow a redirect, which would send a signed alert elsewhere', () => {
    expect(judgeOutcome(answer(301), now).kind).toBe('permanent');
    expect(judgeOutcome(answer(307), now).kind).toBe('permanent');
  });

  it('keeps what the receiver said, on one line and clipped, as the reason', () => {
    expect(judgeOutcome(answer(400, null, '{"error":\n "unknown field"}'), now)).toEqual({
      kind: 'permanent',
      reason: 'HTTP 400: {"error": "unknown field"}',
    });
    const verdict = judgeOutcome(answer(422, null, 'x'.repeat(500)), now);
    expect(verdict.kind === 'permanent' && verdict.reason).toBe(`HTTP 422: ${'x'.repeat(200)}…`);
  });

  it('honours Retry-After on 429 and 503, in seconds or as a date', () => {
    expect(judgeOutcome(answer(429, '30'), now)).toMatchObject({ retryAfterMs: 30_000 });
    expect(judgeOutcome(answer(503, 'Tue, 28 Apr 2026 09:02:00 GMT'), now)).toMatchObject({
      retryAfterMs: 120_000,
    });
  });

  it('ignores Retry-After on other statuses', () => {
    expect(judgeOutcome(answer(500, '30'), now)).toMatchObject({ retryAfterMs: null });
  });

  it('retries a timeout and a refused connection, saying which', () => {
    expect(judgeOutcome({ kind: 'timeout', timeoutMs: 5_000 }, now)).toEqual({
      kind: 'retry',
      reason: 'no answer within 5000 ms',
      retryAfterMs: null,
    });
    expect(judgeOutcome({ kind: 'connection-error', message: 'ECONNREFUSED' }, now)).toEqual({
      kind: 'retry',
      reason: 'connection failed: ECONNREFUSED',
      retryAfterMs: null,
    });
  });

  it('gives up at once on a destination the SSRF guard refused: retrying cannot change it', () => {
    const reason =
      '169.254.169.254 is not a public address and OUTBOUND_ALLOWLIST does not name it';
    expect(judgeOutcome({ kind: 'refused', reason }, now)).toEqual({
      kind: 'permanent',
      reason: `destination refused: ${reason}`,
    });
  });
});
