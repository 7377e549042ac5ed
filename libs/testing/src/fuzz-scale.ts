/**
 * How hard the hostile-input specs push: 1 (the default, what `npm test` runs) keeps them quick;
 * `npm run test:fuzz` sets FUZZ_SCALE=10 for full-size inputs and more random cases.
 */
export function fuzzScale(): number {
  const value = Number(process.env['FUZZ_SCALE'] ?? '1');
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`FUZZ_SCALE must be a positive integer, got "${process.env['FUZZ_SCALE']}"`);
  return value;
}
