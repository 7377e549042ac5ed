/** The value at quantile `q` (0..1) of `values`, nearest rank; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

/** `count` documents of `bytes` in total converted in `millis`: documents/s and MB/s (10^6 bytes). */
export function throughput(count: number, bytes: number, millis: number): string {
  const seconds = millis / 1000;
  return `${(count / seconds).toFixed(1)} documents/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`;
}
