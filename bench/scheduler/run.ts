/**
 * Scheduler benchmarks, printing figures (nothing here is a pass/fail test):
 *   npx tsx bench/scheduler/run.ts [--sizes=10000,100000,1000000]
 * - claim: the dispatcher's claim queries at each size of pending reminders, in a throwaway schema.
 * Uses DATABASE_URL (default: the local one `npm start` brings up).
 */
import { benchClaimQuery } from './claim-query';

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const sizes = option('sizes', '10000,100000,1000000').split(',').map(Number);
  await benchClaimQuery(databaseUrl, sizes);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
