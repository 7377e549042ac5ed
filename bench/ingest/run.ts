/**
 * Ingest benchmark: `npx tsx bench/ingest/run.ts [--only=convert|hostile|link] [--agreements=100000]`.
 * Prints figures, asserts nothing. See README.md.
 */
import { benchConversion } from './convert';
import { benchHostileDocuments } from './hostile';
import { benchLinking } from './linking';

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((argument) => argument.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const only = option('only');
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (only === undefined || only === 'convert') {
    await benchConversion({ html: 300, pdf1: 100, pdf50: 10 });
  }
  if (only === undefined || only === 'hostile') await benchHostileDocuments();
  if (only === undefined || only === 'link') {
    await benchLinking(databaseUrl, Number(option('agreements') ?? 100_000));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
