import { BatchLoop } from './batch-loop';
import type { BatchLoopOptions } from './batch-loop';

const HOUR = 3_600_000;

/** A loop whose turns answer `answers` in order (an Error is thrown), then 0. */
function loopOf(answers: (number | Error)[], options: Partial<BatchLoopOptions> = {}) {
  const turns: number[] = [];
  const errors: unknown[] = [];
  const loop = new BatchLoop({
    turn: (batchSize) => {
      turns.push(batchSize);
      const answer = answers.shift() ?? 0;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    batchSize: 10,
    idleMs: HOUR,
    errorBackoffMs: HOUR,
    onError: (error) => errors.push(error),
    ...options,
  });
  return { loop, turns, errors };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const aLittleWhile = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('a batch loop', () => {
  it('takes the next batch at once while batches come back full, and pauses after one that is not', async () => {
    const { loop, turns } = loopOf([10, 10, 3, 10]);
    loop.start();
    await until(() => turns.length === 3);
    await aLittleWhile();
    // The pause after the third (an hour) holds back the fourth.
    expect(turns).toEqual([10, 10, 10]);
    await loop.stop();
  });

  it('reports a failing turn and waits its backoff before the next', async () => {
    const failure = new Error('database down');
    const { loop, turns, errors } = loopOf([failure, 10]);
    loop.start();
    await until(() => errors.length === 1);
    await aLittleWhile();
    expect(errors).toEqual([failure]);
    expect(turns).toHaveLength(1);
    await loop.stop();
  });

  it('goes on after a failure once the backoff has passed', async () => {
    const { loop, turns, errors } = loopOf([new Error('timeout'), 3], { errorBackoffMs: 1 });
    loop.start();
    await until(() => turns.length === 2);
    expect(errors).toHaveLength(1);
    await loop.stop();
  });

  it('stops during a pause without waiting it out, and takes no turn after', async () => {
    const { loop, turns } = loopOf([0]);
    loop.start();
    await until(() => turns.length === 1);
    await loop.stop();
    await aLittleWhile();
    expect(turns).toHaveLength(1);
  });

  it('takes a turn at once when woken during a pause', async () => {
    const { loop, turns } = loopOf([3, 3]);
    loop.start();
    await until(() => turns.length === 1);
    loop.wake();
    await until(() => turns.length === 2);
    await aLittleWhile();
    expect(turns).toHaveLength(2);
    await loop.stop();
  });

  it('takes another turn right after one during which it was woken, then pauses', async () => {
    let wake = () => {};
    const turns: number[] = [];
    const loop = new BatchLoop({
      turn: () => {
        turns.push(turns.length);
        // The first turn hears of more work while it runs; the second does not.
        if (turns.length === 1) wake();
        return Promise.resolve(0);
      },
      batchSize: 10,
      idleMs: HOUR,
      errorBackoffMs: HOUR,
      onError: () => {},
    });
    wake = () => loop.wake();
    loop.start();
    await until(() => turns.length === 2);
    await aLittleWhile();
    expect(turns).toEqual([0, 1]);
    await loop.stop();
  });

  it('pauses as long as a computed pause says, and reports a failure to compute it', async () => {
    const pauses: number[] = [];
    const failure = new Error('clock unreadable');
    const { loop, turns, errors } = loopOf([3, 3, 3], {
      errorBackoffMs: 1,
      idleMs: () => {
        pauses.push(pauses.length);
        return pauses.length === 1 ? Promise.resolve(1) : Promise.reject(failure);
      },
    });
    loop.start();
    // A 1 ms pause, then a failure to compute the next (its backoff is 1 ms too).
    await until(() => turns.length >= 3);
    expect(errors[0]).toBe(failure);
    await loop.stop();
  });
});
