import {
  CLAIM_DUE_REMINDERS_SQL,
  CLAIM_MILESTONES_PAST_DUE_SQL,
  milestoneSchedulerMigrations,
} from '@dealwatch/milestone-scheduler/data-access';
import { createServiceDataSource, openServiceDataSource } from '@dealwatch/persistence';

import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';

import { ms, quantile } from './stats';

const BATCH = 200;
const RUNS = 30;
/** Reminders per milestone: P30D, P7D, P1D and overdue. */

/**
 * The dispatcher's two claims against a growing table of pending reminders in a throwaway schema:
 * their time (the transaction is rolled back, so every run claims the same rows) and their plans.
 * Flat times and index scans at every size are the point.
 */
export async function benchClaimQuery(databaseUrl: string, sizes: number[]): Promise<void> {
  const schema = `bench_claim_${Date.now().toString(36)}`;
  const dataSource = await openServiceDataSource(
    createServiceDataSource({
      url: databaseUrl,
      schema,
      entities: [],
      migrations: milestoneSchedulerMigrations,
      applicationName: 'dealwatch-bench-scheduler',
    }),
  );
  try {
    console.log(`\n== Claim query (schema ${schema}, batch ${BATCH}, ${RUNS} runs each) ==`);
    let milestones = 0;
    for (const target of [...sizes].sort((a, b) => a - b)) {
      const started = performance.now();
      await insertMilestones(dataSource, milestones + 1, target);
      milestones = target;
      await dataSource.query('ANALYZE milestones; ANALYZE reminders');
      const [{ n }] = await dataSource.query<[{ n: string }]>(
        `SELECT count(*) AS n FROM reminders WHERE status = 'pending'`,
      );
      const pending = Number(n);
      console.log(
        `\n-- ${pending.toLocaleString('en')} pending reminders, ${milestones.toLocaleString('en')} milestones (loaded in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
      // A full batch due, then a backlog of a tenth of the table due (as after downtime).
      const plans: [string, string[]][] = [];
      for (const [label, share] of [
        ['one batch due', 0],
        ['10% due (backlog)', 0.1],
      ] as const) {
        const reminderNow = await nthTime(dataSource, 'reminders', 'fire_at', share, pending);
        const milestoneNow = await nthTime(dataSource, 'milestones', 'due_at', share, milestones);
        const reminders = await timeQuery(dataSource, CLAIM_DUE_REMINDERS_SQL, [
          reminderNow,
          BATCH,
        ]);
        const advance = await timeQuery(dataSource, CLAIM_MILESTONES_PAST_DUE_SQL, [
          milestoneNow,
          BATCH,
        ]);
        console.log(
          `   ${label.padEnd(18)} claim reminders p50 ${ms(reminders.p50)}  p95 ${ms(reminders.p95)}  (${reminders.rows} rows)` +
            ` | claim milestones p50 ${ms(advance.p50)}  p95 ${ms(advance.p95)}  (${advance.rows} rows)`,
        );
        if (share > 0) {
          plans.push([
            'reminder claim',
            await plan(dataSource, CLAIM_DUE_REMINDERS_SQL, [reminderNow, BATCH]),
          ]);
          plans.push([
            'milestone claim (past due)',
            await plan(dataSource, CLAIM_MILESTONES_PAST_DUE_SQL, [milestoneNow, BATCH]),
          ]);
        }
      }
      for (const [name, lines] of plans) {
        console.log(`   EXPLAIN ANALYZE of the ${name}, 10% due:`);
        for (const line of lines) console.log(`     ${line}`);
      }
    }
  } finally {
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  }
}

/**
 * Milestones `from`..`to`, due over the coming year at one-minute steps, each with four pending
 * reminders, as instant milestones (the claim reads the same columns for both kinds).
 */
async function insertMilestones(dataSource: DataSource, from: number, to: number): Promise<void> {
  if (to < from) return;
  await dataSource.query(
    `WITH m AS (
       INSERT INTO milestones (id, agreement_id, obligation_key, title, category, evidence, status,
                               due_kind, due_date, due_at, overdue_at, time_zone)
       SELECT gen_random_uuid(), gen_random_uuid(), 'bench:' || g, 'Bench milestone ' || g, 'other',
              'The parties will act within 180 days.', 'pending', 'instant', t::date, t, t, 'UTC'
         FROM generate_series($1::int, $2::int) AS g,
              LATERAL (SELECT now() + interval '31 days' + (g % 525600) * interval '1 minute' AS t) AS due
       RETURNING id, due_at)
     INSERT INTO reminders (id, milestone_id, "offset", fire_at, status)
     SELECT gen_random_uuid(), m.id, o.label, m.due_at - o.before, 'pending'
       FROM m CROSS JOIN (VALUES ('P30D', interval '30 days'), ('P7D', interval '7 days'),
                                 ('P1D', interval '1 day'), ('overdue', interval '0')) AS o(label, before)`,
    [from, to],
  );
}

/**
 * The time at which a batch (`share` 0) or `share` of the `total` pending rows is due, as text so no
 * microsecond is lost to a JavaScript Date.
 */
async function nthTime(
  dataSource: DataSource,
  table: 'reminders' | 'milestones',
  column: 'fire_at' | 'due_at',
  share: number,
  total: number,
): Promise<string> {
  const n = Math.max(BATCH, Math.floor(total * share));
  const rows = await dataSource.query<{ at: string }[]>(
    `SELECT ${column}::text AS at FROM ${table} WHERE status = 'pending' ORDER BY ${column} OFFSET $1 LIMIT 1`,
    [n - 1],
  );
  return rows[0]!.at;
}

async function timeQuery(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
): Promise<{ p50: number; p95: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  const runner = dataSource.createQueryRunner();
  try {
    for (let run = 0; run < RUNS; run++) {
      await runner.startTransaction();
      const started = performance.now();
      rows = ((await runner.query(sql, parameters)) as unknown[]).length;
      times.push(performance.now() - started);
      await runner.rollbackTransaction();
    }
  } finally {
    await runner.release();
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), rows };
}

async function plan(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    const rows = (await runner.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${sql}`,
      parameters,
    )) as { 'QUERY PLAN': string }[];
    await runner.rollbackTransaction();
    return rows.map((row) => row['QUERY PLAN']);
  } finally {
    await runner.release();
  }
}
