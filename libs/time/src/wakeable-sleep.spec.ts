import { WakeableSleep } from './wakeable-sleep';

describe('WakeableSleep', () => {
  it('sleeps for the time asked when nobody wakes it', async () => {
    const started = Date.now();
    await new WakeableSleep().sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('returns early when woken', async () => {
    const sleeper = new WakeableSleep();
    const started = Date.now();
    const sleeping = sleeper.sleep(10_000);
    sleeper.wake();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('remembers a wake that came while it was not sleeping, once', async () => {
    const sleeper = new WakeableSleep();
    sleeper.wake();
    const started = Date.now();
    await sleeper.sleep(10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    const second = Date.now();
    await sleeper.sleep(30);
    expect(Date.now() - second).toBeGreaterThanOrEqual(25);
  });
});
