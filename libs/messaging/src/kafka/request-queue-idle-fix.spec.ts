import { createRequire } from 'node:module';

import { fixKafkaIdleRequestLoop, scheduleCheckPendingRequests } from './request-queue-idle-fix';

function queue(overrides: { pending?: unknown[]; throttledUntil?: number } = {}) {
  return {
    pending: overrides.pending ?? [],
    throttledUntil: overrides.throttledUntil ?? -1,
    throttleCheckTimeoutId: null as NodeJS.Timeout | null,
    checkPendingRequests: jest.fn(),
    scheduleCheckPendingRequests,
  };
}

describe('the kafkajs request queue without its idle timer loop', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('arms no timer when nothing is pending and nothing is throttled', () => {
    const idle = queue();
    idle.scheduleCheckPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('checks pending requests again after the short interval', () => {
    const busy = queue({ pending: [{}] });
    busy.scheduleCheckPendingRequests();
    jest.advanceTimersByTime(9);
    expect(busy.checkPendingRequests).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(busy.checkPendingRequests).toHaveBeenCalledTimes(1);
    expect(busy.throttleCheckTimeoutId).toBeNull();
  });

  it('checks at the end of a broker throttle, even with nothing pending yet', () => {
    const throttled = queue({ throttledUntil: Date.now() + 250 });
    throttled.scheduleCheckPendingRequests();
    jest.advanceTimersByTime(249);
    expect(throttled.checkPendingRequests).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(throttled.checkPendingRequests).toHaveBeenCalledTimes(1);
  });

  it('keeps a check already scheduled instead of adding a second', () => {
    const busy = queue({ pending: [{}] });
    busy.scheduleCheckPendingRequests();
    busy.scheduleCheckPendingRequests();
    expect(jest.getTimerCount()).toBe(1);
  });

  it('replaces the method on the kafkajs that services load', () => {
    fixKafkaIdleRequestLoop();
    const requestQueue = createRequire(__filename)('kafkajs/src/network/requestQueue') as {
      prototype: { scheduleCheckPendingRequests: unknown };
    };
    expect(requestQueue.prototype.scheduleCheckPendingRequests).toBe(scheduleCheckPendingRequests);
  });
});
