import { BatchLoop } from '@dealwatch/time';

import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

export interface TableStatisticsOptions {
  /** How often the schema's tables are checked (autovacuum looks once a minute); 0 never. */
  intervalMs: number;
}

/**
 * Keeps the planner's statistics of the service's own tables (those in its schema) current where
 * autovacuum is off, for the server or the table: a table is analysed once it has changed as much
 * as autovacuum's analyze threshold allows. Otherwise nothing analyses them, the generic plans of
 * the prepared statements, made while the tables were nearly empty, scan whole tables for ever, and
 * every statement costs more as the tables grow. An ANALYZE also makes the server drop those plans,
 * so the next execution plans for the table as it is. Where autovacuum is on, it does nothing.
 */
export class TableStatisticsKeeper {
  private readonly loop: BatchLoop;
  private autovacuumChecked = false;
  private readonly enabled: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    options: TableStatisticsOptions,
  ) {
    this.enabled = options.intervalMs > 0;
    this.loop = new BatchLoop({
      // Never a backlog: one look per interval.
      turn: () => this.analyzeStaleTables().then(() => 0),
      batchSize: 1,
      idleMs: options.intervalMs,
      errorBackoffMs: options.intervalMs,
      onError: (error) => {
        this.logger.warn({ err: error }, 'could not refresh table statistics; will try again');
      },
    });
  }

  start(): void {
    if (this.enabled) this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Analyses the schema's tables that autovacuum leaves alone and that are due; returns their names. */
  async analyzeStaleTables(): Promise<string[]> {
    await this.reportAutovacuumOff();
    const stale = await this.dataSource.query<{ name: string }[]>(STALE_TABLES_SQL);
    const names = stale.map(({ name }) => name);
    // SKIP_LOCKED: another instance of the service analysing the same table is as good.
    if (names.length > 0) await this.dataSource.query(`ANALYZE (SKIP_LOCKED) ${names.join(', ')}`);
    return names;
  }

  /** Once: an operator should know their server is not vacuuming, which no service can do for it. */
  private async reportAutovacuumOff(): Promise<void> {
    if (this.autovacuumChecked) return;
    const [server] = await this.dataSource.query<{ autovacuum: boolean }[]>(
      "SELECT current_setting('autovacuum')::boolean AS autovacuum",
    );
    this.autovacuumChecked = true;
    if (server?.autovacuum === false)
      this.logger.warn(
        "this PostgreSQL server's autovacuum is off: the service analyses its own tables as they " +
          'grow, but nothing vacuums them (dead rows accumulate until a DBA does)',
      );
  }
}

/**
 * The schema's tables that autovacuum will not analyse (it is off, or off for the table) and that it
 * would have by its own rule: changed since the last analysis by more than the threshold plus the
 * scale factor times the rows counted then, with the server's settings (per-table ones are left
 * out). Names come back quoted for the statement.
 */
const STALE_TABLES_SQL = `
  SELECT format('%I.%I', s.schemaname, s.relname) AS name
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
   WHERE s.schemaname = current_schema()
     AND NOT (current_setting('autovacuum')::boolean
              AND coalesce((SELECT option_value::boolean FROM pg_options_to_table(c.reloptions)
                             WHERE option_name = 'autovacuum_enabled'), true))
     AND s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
         + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
   ORDER BY s.relname`;
