import { Transform } from 'class-transformer';

/** Reads `a, b,,c` from the environment as `['a', 'b', 'c']`: trimmed, empty items dropped. */
export function CommaSeparated(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : value,
  );
}
