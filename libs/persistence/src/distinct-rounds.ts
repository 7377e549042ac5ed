/**
 * Splits items into rounds in which no key appears twice, keeping each key's items in order across
 * rounds: a multi-row `INSERT ... ON CONFLICT DO UPDATE` or `UPDATE ... FROM` may touch a row only
 * once per statement, so two changes of one row in a batch go into consecutive statements.
 */
export function distinctRounds<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}
