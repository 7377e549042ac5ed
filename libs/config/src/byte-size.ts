const UNITS: Record<string, number> = { kb: 1024, mb: 1024 * 1024 };

/** Bytes in a size setting such as `20mb` or `512kb`, read as the body parsers read it. */
export function byteSizeOf(setting: string): number {
  const [, amount, unit] = /^(\d+)(kb|mb)$/i.exec(setting) ?? [];
  if (!amount || !unit) throw new Error(`${setting} is not a size such as 20mb`);
  return Number(amount) * (UNITS[unit.toLowerCase()] ?? 1);
}
