import pino from 'pino';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

import { openSpecDataSource, specSchema } from './spec-data-source';
import { TableUpkeep } from './table-upkeep';

/** Tables autovacuum never looks after, whatever the server's setting, so each case is decided here. */
class CreateTables1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['reminders', 'notes', 'outbox'])
      await runner.query(
        `CREATE TABLE ${table} (id int PRIMARY KEY, body text NOT NULL)
           WITH (autovacuum_enabled = false)`,
      );
  }
  async down(): Promise<void> {}
}

const schema = specSchema('table_upkeep');
const neighbour = `${schema}_other`;

describe('TableUpkeep, where autovacuum does not run', () => {
  let dataSource: DataSource;
  let keeper: TableUpkeep;
  let nextId = 0;

  beforeAll(async () => {
    dataSource = await openSpecDataSource(schema, { migrations: [CreateTables1700000000000] });
    await dataSource.query(`CREATE SCHEMA "${neighbour}"`);
    await dataSource.query(
      `CREATE TABLE "${neighbour}".reminders (id int PRIMARY KEY, body text NOT NULL)
         WITH (autovacuum_enabled = false)`,
    );
    keeper = new TableUpkeep(dataSource, pino({ level: 'silent' }), { intervalMs: 0 });
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA "${schema}", "${neighbour}" CASCADE`);
    await dataSource.destroy();
  });

  /** Runs a statement and has its row counts reach the statistics at once, not within the second. */
  async function change(statement: string): Promise<void> {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query(statement);
      await runner.query('SELECT pg_stat_force_next_flush()');
    } finally {
      await runner.release();
    }
  }

  async function insert(table: string, rows: number): Promise<void> {
    const first = nextId;
    nextId += rows;
    await change(
      `INSERT INTO ${table} SELECT n, repeat('x', 40) FROM generate_series(${first}, ${nextId - 1}) n`,
    );
  }

  async function analyzed(): Promise<string[]> {
    return (await keeper.upkeep()).analyzed;
  }

  async function vacuumed(): Promise<string[]> {
    return (await keeper.upkeep()).vacuumed;
  }

  async function rowsPlannerKnows(table: string): Promise<number> {
    const [row] = await dataSource.query<{ reltuples: number }[]>(
      `SELECT reltuples FROM pg_class WHERE oid = $1::regclass`,
      [table],
    );
    return Number(row?.reltuples);
  }

  it('analyses a table once it has changed by more than the threshold, and only then', async () => {
    await insert('notes', 20);
    expect(await analyzed()).toEqual([]);
    expect(await rowsPlannerKnows('notes')).toBe(-1);

    // Autovacuum's default threshold is 50 changed rows plus 10% of those counted last time.
    await insert('notes', 180);
    expect(await analyzed()).toEqual([`${schema}.notes`]);
    expect(await rowsPlannerKnows('notes')).toBe(200);

    await insert('notes', 60);
    expect(await analyzed()).toEqual([]);
    await insert('notes', 20);
    expect(await analyzed()).toEqual([`${schema}.notes`]);
    expect(await rowsPlannerKnows('notes')).toBe(280);
  });

  it("leaves other schemas' tables alone", async () => {
    await insert(`"${neighbour}".reminders`, 2_000);
    await change(`DELETE FROM "${neighbour}".reminders`);
    expect(await keeper.upkeep()).toEqual({ vacuumed: [], analyzed: [] });
    expect(await rowsPlannerKnows(`"${neighbour}".reminders`)).toBe(-1);
  });

  it('has the plan of a statement prepared while its table was empty made again for the grown table', async () => {
    const session = dataSource.createQueryRunner();
    /** The rows the statement's plan expects to read from the table. */
    const rowsPlanned = async () => {
      const plan = (await session.query("EXPLAIN EXECUTE pending('x')")) as {
        'QUERY PLAN': string;
      }[];
      const scan = plan.map((line) => line['QUERY PLAN']).find((line) => line.includes('Scan on'));
      return Number(/rows=(\d+)/.exec(scan ?? '')?.[1]);
    };
    try {
      await session.query(
        'PREPARE pending (text) AS SELECT count(*) FROM reminders WHERE body <> $1',
      );
      // From the sixth execution on, PostgreSQL keeps the generic plan made for an empty table.
      for (let execution = 0; execution < 6; execution++)
        await session.query("EXECUTE pending('x')");
      await insert('reminders', 20_000);
      expect(await rowsPlanned()).toBeLessThan(2_000);

      expect(await analyzed()).toEqual([`${schema}.reminders`]);

      expect(await rowsPlanned()).toBeGreaterThan(19_000);
    } finally {
      await session.query('DEALLOCATE ALL');
      await session.release();
    }
  });

  it('vacuums a table whose rows are deleted as they come, so it keeps its size', async () => {
    const pages = async () => {
      const [row] = await dataSource.query<{ pages: string }[]>(
        "SELECT pg_relation_size('outbox') / current_setting('block_size')::int AS pages",
      );
      return Number(row?.pages);
    };
    await insert('outbox', 5_000);
    const full = await pages();
    await change('DELETE FROM outbox');
    // Autovacuum's default: 50 dead rows plus 20% of those counted at the last vacuum or analysis.
    expect(await vacuumed()).toContain(`${schema}.outbox`);

    await insert('outbox', 5_000);
    expect(await pages()).toBe(full);
    // As many new rows are due too (1,000 plus 20%), which keeps the visibility map current.
    expect(await vacuumed()).toContain(`${schema}.outbox`);

    await change('DELETE FROM outbox WHERE id % 100 = 0');
    expect(await vacuumed()).not.toContain(`${schema}.outbox`);
  });
});
