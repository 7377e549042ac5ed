import { Redis } from 'ioredis';

import { reportConnectionErrors } from './redis-client';

describe('reportConnectionErrors', () => {
  function reported() {
    // Never connected: the test only emits the client's events.
    const redis = new Redis({ lazyConnect: true });
    const log = { warn: jest.fn(), info: jest.fn() };
    reportConnectionErrors(redis, log);
    return { redis, log };
  }

  it('says once that Redis went away, however many reconnect attempts fail', () => {
    const { redis, log } = reported();
    redis.emit('error', new Error('connect ECONNREFUSED'));
    redis.emit('error', new Error('connect ECONNREFUSED'));
    redis.emit('error', new Error('connect ECONNREFUSED'));

    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: 'connect ECONNREFUSED' }) },
      'redis unreachable; reconnecting',
    );
  });

  it('says once that it is back, and then again at the next outage', () => {
    const { redis, log } = reported();
    redis.emit('ready');
    expect(log.info).not.toHaveBeenCalled();

    redis.emit('error', new Error('first outage'));
    redis.emit('ready');
    redis.emit('error', new Error('second outage'));
    redis.emit('ready');

    expect(log.info).toHaveBeenCalledTimes(2);
    expect(log.warn).toHaveBeenCalledTimes(2);
  });
});
