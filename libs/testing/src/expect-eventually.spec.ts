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
});
