export interface EventuallyOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Once aborted, the next failure is final: waiting longer cannot help (the process died). */
  signal?: AbortSignal;
}

/**
 * Retries `assertion` until it passes or time runs out, then throws its last error. Use it instead of
 * sleeping: it waits no longer than the system needs.
 */
export async function expectEventually<T>(
  assertion: () => T | Promise<T>,
  { timeoutMs = 15_000, intervalMs = 100, signal }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline || signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
