/**
 * Prints what the extraction engine reads in an agreement.
 *   npm run -s extract -- <file|->       one JSON object
 *   npm run -s extract -- --jsonl        lines {"id","text","publishedAt"?} in, {"id", ...result} out
 */
import { extractAgreement } from '@dealwatch/extraction';

import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

interface JsonlInput {
  id: unknown;
  text: string;
  publishedAt?: string | null;
  signedAt?: string | null;
  title?: string | null;
}

function isJsonlInput(value: unknown): value is JsonlInput {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { text?: unknown }).text === 'string'
  );
}

async function runJsonl(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length === 0) continue;
    const input: unknown = JSON.parse(line);
    if (!isJsonlInput(input)) throw new Error(`line without a "text" string: ${line.slice(0, 80)}`);
    const result = extractAgreement(input.text, {
      publishedAt: input.publishedAt ?? null,
      signedAt: input.signedAt ?? null,
      title: input.title ?? null,
    });
    process.stdout.write(`${JSON.stringify({ id: input.id, ...result })}\n`);
  }
}

function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--jsonl')) return runJsonl();
  const file = argv[0];
  if (!file) {
    process.stderr.write('usage: npm run -s extract -- <file|-> | --jsonl\n');
    process.exitCode = 2;
    return Promise.resolve();
  }
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  process.stdout.write(`${JSON.stringify(extractAgreement(text), null, 2)}\n`);
  return Promise.resolve();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
