import { expectEventually } from './expect-eventually';

describe('expectEventually', () => {
  it('returns as soon as the assertion passes', async () => {
    let calls = 0;
    const value = await expectEventually(
      () => {
        calls++;
        if (calls < 3) throw new Error('not yet');
        return calls;
      },
      { intervalMs: 1 },
    );
    expect(value).toBe(3);
  });

  it('throws the last failure when time runs out', async () => {
    await expect(
      expectEventually(
        () => {
          throw new Error('never');
        },
        { timeoutMs: 20, intervalMs: 5 },
      ),
    ).rejects.toThrow('never');
  });

  it('gives up at the first failure after its signal is aborted, long before the timeout', async () => {
    const died = new AbortController();
    let calls = 0;
    const started = Date.now();
    await expect(
      expectEventually(
        () => {
          calls++;
          if (calls === 2) died.abort();
          throw new Error(`probe ${calls} failed`);
        },
        { timeoutMs: 60_000, intervalMs: 1, signal: died.signal },
      ),
    ).rejects.toThrow('probe 2 failed');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
