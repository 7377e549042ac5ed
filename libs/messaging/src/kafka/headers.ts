import type { IHeaders } from 'kafkajs';

/** Kafka header values arrive as Buffers (or arrays of them); CloudEvents attributes are strings. */
export function headerText(headers: IHeaders | undefined, name: string): string | null {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return null;
  return typeof first === 'string' ? first : first.toString('utf8');
}

export function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(headers ?? {})) {
    const text = headerText(headers, name);
    if (text !== null) result[name] = text;
  }
  return result;
}
