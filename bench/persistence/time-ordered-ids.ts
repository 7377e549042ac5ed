import { timeOrderedUuid } from '@dealwatch/persistence';

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

import { walPositionOn } from '../pipeline/wal-position';

/**
 * What a table's keys cost PostgreSQL once it is large: a reminders-shaped table (a UUID primary key
 * and an indexed parent id) of `BENCH_ROWS` rows (default 1,000,000) made with random ids, and one
 * made with time-ordered ones (`timeOrderedUuid`), then, right after a checkpoint, the same inserts
 * into each: WAL written a row (the difference is full-page images: the first change to a page after a
 * checkpoint writes the whole page) and time. Run:
 * `npx tsx bench/persistence/time-ordered-ids.ts`. Figures only.
 */
const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const BATCHES = 20;
const BATCH = 1_000;
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const kinds = { random: randomUUID, 'time-ordered': timeOrderedUuid };

async function main(): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const schema = `bench_ids_${Date.now().toString(36)}`;
  try {
    await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
    console.log(`${ROWS.toLocaleString('en')} rows stored, then ${BATCHES} inserts of ${BATCH}:`);
    for (const [kind, newId] of Object.entries(kinds)) {
      await createTable(client, kind, newId);
      await client.query('CHECKPOINT');
      const before = await walPositionOn(client);
      const started = performance.now();
      for (let batch = 0; batch < BATCHES; batch++) await insertReminders(client, BATCH, newId);
      const elapsed = performance.now() - started;
      const after = await walPositionOn(client);
      const rows = BATCHES * BATCH;
      console.log(
        `  ${kind.padEnd(12)}  WAL ${((after - before) / rows).toFixed(0)} B a row, ` +
          `${((1000 * elapsed) / rows).toFixed(1)} us a row`,
      );
      await client.query('DROP TABLE reminders');
    }
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

/** The table, filled with ids of the kind as a service would have made them over time. */
async function createTable(client: Client, kind: string, newId: () => string): Promise<void> {
  await client.query(
    `CREATE TABLE reminders (id uuid PRIMARY KEY, milestone_id uuid NOT NULL, fire_at timestamptz NOT NULL);
     CREATE INDEX reminders_milestone_idx ON reminders (milestone_id)`,
  );
  const chunk = 50_000;
  for (let stored = 0; stored < ROWS; stored += chunk) {
    await insertReminders(client, Math.min(chunk, ROWS - stored), newId);
  }
  await client.query('VACUUM ANALYZE reminders');
  console.log(`  (${kind} table loaded)`);
}

/** `count` rows in one statement, each with a new id and a new parent id of the kind. */
async function insertReminders(client: Client, count: number, newId: () => string): Promise<void> {
  await client.query(
    `INSERT INTO reminders (id, milestone_id, fire_at)
     SELECT id, parent, now() FROM unnest($1::uuid[], $2::uuid[]) AS r(id, parent)`,
    [Array.from({ length: count }, newId), Array.from({ length: count }, newId)],
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
