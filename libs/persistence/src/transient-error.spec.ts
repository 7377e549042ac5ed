import { isTransientError } from './transient-error';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isTransientError', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'a PostgreSQL shutdown',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['a connection exception class', withCode('connection failure', '08006')],
    ['a dropped pool connection', new Error('Connection terminated unexpectedly')],
    [
      'a wrapped driver error',
      Object.assign(new Error('query failed'), { driverError: withCode('deadlock', '40P01') }),
    ],
  ])('treats %s as transient', (_label, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a bug in a handler', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a non-error', 'boom'],
  ])('treats %s as permanent', (_label, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
