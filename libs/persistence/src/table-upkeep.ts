import { BatchLoop } from '@dealwatch/time';

import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

export interface TableUpkeepOptions {
  /**
   * How often the schema's tables are checked, on average (autovacuum looks once a minute); 0
   * never.
   */
  intervalMs: number;
}

/**
 * The pause before the next look: the interval, give or take a quarter (`random` in [0, 1)).
 * Services started together (a deployment, or replicas of one service) would otherwise vacuum and
 * analyse at the same moments for ever, each burst of all of them on the database at once.
 */
export function upkeepPauseMs(intervalMs: number, random: () => number): number {
  return Math.round(intervalMs * (0.75 + random() / 2));
}

export interface UpkeepDone {
  /** Tables vacuumed, as `schema.table`. */
  vacuumed: string[];
  /** Tables analysed, as `schema.table`. */
  analyzed: string[];
}

/**
 * Does autovacuum's work on the service's own tables (those in its schema) where autovacuum is off,
 * for the server or the table, by autovacuum's own rules and the server's settings for them.
 *
 * - ANALYZE once a table has changed enough: otherwise the generic plans of the prepared statements,
 *   made while the tables were nearly empty, scan whole tables for ever, and every statement costs
 *   more as the tables grow. An ANALYZE also makes the server drop those plans.
 * - VACUUM once a table holds enough dead rows or new ones: otherwise a table whose rows are deleted
 *   as fast as they come, like the outbox, grows without end, and each read of it steps over every
 *   row it ever held.
 *
 * Where autovacuum is on, it does nothing.
 */
export class TableUpkeep {
  private readonly loop: BatchLoop;
  private autovacuumChecked = false;
  private readonly enabled: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    options: TableUpkeepOptions,
  ) {
    this.enabled = options.intervalMs > 0;
    this.loop = new BatchLoop({
      // Never a backlog: one look per interval.
      turn: () => this.upkeep().then(() => 0),
      batchSize: 1,
      idleMs: () => Promise.resolve(upkeepPauseMs(options.intervalMs, Math.random)),
      errorBackoffMs: options.intervalMs,
      onError: (error) => {
        this.logger.warn({ err: error }, 'could not vacuum or analyse the tables; will try again');
      },
    });
  }

  start(): void {
    if (this.enabled) this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Vacuums, then analyses, the schema's tables that autovacuum leaves alone and that are due. */
  async upkeep(): Promise<UpkeepDone> {
    await this.reportAutovacuumOff();
    const due =
      await this.dataSource.query<
        { name: string; needs_vacuum: boolean; needs_analyze: boolean }[]
      >(DUE_TABLES_SQL);
    const vacuumed = due.filter((table) => table.needs_vacuum).map((table) => table.name);
    const analyzed = due.filter((table) => table.needs_analyze).map((table) => table.name);
    // SKIP_LOCKED: another instance of the service doing the same table is as good.
    if (vacuumed.length > 0)
      await this.dataSource.query(`VACUUM (SKIP_LOCKED) ${vacuumed.join(', ')}`);
    if (analyzed.length > 0)
      await this.dataSource.query(`ANALYZE (SKIP_LOCKED) ${analyzed.join(', ')}`);
    return { vacuumed, analyzed };
  }

  /** Once: an operator should know their server does not vacuum what the services leave to it. */
  private async reportAutovacuumOff(): Promise<void> {
    if (this.autovacuumChecked) return;
    const [server] = await this.dataSource.query<{ autovacuum: boolean }[]>(
      "SELECT current_setting('autovacuum')::boolean AS autovacuum",
    );
    this.autovacuumChecked = true;
    if (server?.autovacuum === false)
      this.logger.warn(
        "this PostgreSQL server's autovacuum is off: the service vacuums and analyses its own " +
          "tables, but nothing does the catalogs' and other databases'",
      );
  }
}

/**
 * The schema's tables that autovacuum will not look after (it is off, or off for the table), and
 * which of its rules each is due by, with the server's settings (per-table ones are left out):
 * vacuum once the dead rows, or the rows inserted since the last vacuum, pass the threshold plus
 * the scale factor times the rows counted at the last vacuum or analysis; analyse once the rows
 * changed since the last analysis do. Names come back quoted for the statements.
 */
const DUE_TABLES_SQL = `
  WITH own AS (
    SELECT format('%I.%I', s.schemaname, s.relname) AS name, s.relname, s.n_dead_tup,
           s.n_ins_since_vacuum, s.n_mod_since_analyze, greatest(c.reltuples, 0) AS counted
      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.schemaname = current_schema()
       AND NOT (current_setting('autovacuum')::boolean
                AND coalesce((SELECT option_value::boolean FROM pg_options_to_table(c.reloptions)
                               WHERE option_name = 'autovacuum_enabled'), true))),
  rules AS (
    SELECT name, relname,
           n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
             + current_setting('autovacuum_vacuum_scale_factor')::float8 * counted
           OR (current_setting('autovacuum_vacuum_insert_threshold')::float8 >= 0
               AND n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8
                 + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * counted)
             AS needs_vacuum,
           n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
             + current_setting('autovacuum_analyze_scale_factor')::float8 * counted AS needs_analyze
      FROM own)
  SELECT name, needs_vacuum, needs_analyze FROM rules
   WHERE needs_vacuum OR needs_analyze ORDER BY relname`;
