import { WakeableSleep } from './wakeable-sleep';

export interface BatchLoopOptions {
  /** Works off one batch of at most `batchSize` items; resolves to how many it took. */
  turn: (batchSize: number) => Promise<number>;
  batchSize: number;
  /**
   * The pause after a batch that was not full, i.e. when nothing more is waiting; a function for a
   * worker that knows when its next item falls due (a failure of it counts as the turn's).
   */
  idleMs: number | (() => Promise<number>);
  /** The pause after a turn that threw, so a failing dependency is not hammered. */
  errorBackoffMs: number;
  onError: (error: unknown) => void;
}

/**
 * A background worker's loop: turns follow each other at once while they come back full (a
 * backlog), with a pause when they do not, and a longer one when they fail. `wake` cuts a pause
 * short (or, during a turn, makes the next pause none), for a worker that hears of new work.
 * `stop` cuts the pause short and waits for the turn in flight, so a shutdown never abandons half
 * a batch.
 */
export class BatchLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly sleeper = new WakeableSleep();

  constructor(private readonly options: BatchLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Take a turn now instead of after the pause; a wake during a turn brings on the next at once. */
  wake(): void {
    this.sleeper.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeper.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { turn, batchSize, idleMs, errorBackoffMs, onError } = this.options;
    while (this.running) {
      let pause: number;
      try {
        const taken = await turn(batchSize);
        pause = taken < batchSize ? (typeof idleMs === 'number' ? idleMs : await idleMs()) : 0;
      } catch (error) {
        onError(error);
        pause = errorBackoffMs;
      }
      if (pause > 0) await this.sleeper.sleep(pause);
    }
  }
}
