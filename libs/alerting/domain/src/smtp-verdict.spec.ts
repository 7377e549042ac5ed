import { judgeSmtpOutcome } from './smtp-verdict';

describe('judgeSmtpOutcome', () => {
  it('counts a message the server accepted as delivered', () => {
    expect(judgeSmtpOutcome({ kind: 'accepted', responseCode: 250 })).toEqual({
      kind: 'delivered',
    });
  });

  it('gives up on a 5xx reply and on a refused login', () => {
    expect(
      judgeSmtpOutcome({
        kind: 'failed',
        responseCode: 550,
        code: 'EENVELOPE',
        message: '550 5.1.1 No such user',
      }),
    ).toEqual({ kind: 'permanent', reason: 'SMTP 550: 550 5.1.1 No such user' });
    expect(
      judgeSmtpOutcome({ kind: 'failed', responseCode: null, code: 'EAUTH', message: 'bad login' })
        .kind,
    ).toBe('permanent');
  });

  it('retries a 4xx reply, a timeout and a lost connection', () => {
    expect(
      judgeSmtpOutcome({ kind: 'failed', responseCode: 451, code: null, message: 'try later' }),
    ).toEqual({ kind: 'retry', reason: 'SMTP 451: try later', retryAfterMs: null });
    expect(
      judgeSmtpOutcome({
        kind: 'failed',
        responseCode: null,
        code: 'ECONNECTION',
        message: 'connect ECONNREFUSED',
      }),
    ).toEqual({
      kind: 'retry',
      reason: 'SMTP ECONNECTION: connect ECONNREFUSED',
      retryAfterMs: null,
    });
  });
});
