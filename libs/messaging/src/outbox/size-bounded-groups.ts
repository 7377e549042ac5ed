/**
 * Consecutive groups of `items`, in order, each of at most `maxBytes` by `sizeOf`, except that an
 * item larger than that is a group of its own. Kafka refuses a record batch over a topic's
 * `max.message.bytes` whole, and a producer puts everything one request sends to a partition in
 * one batch: two events of 600 kB sent together to one partition are refused, though each alone
 * is under the 1 MB limit.
 */
export function sizeBoundedGroups<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  maxBytes: number,
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (current.length > 0 && bytes + size > maxBytes) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
