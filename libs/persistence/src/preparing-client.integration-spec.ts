import type { DataSource, QueryRunner } from 'typeorm';

import { openSpecDataSource, specSchema } from './spec-data-source';

const schema = specSchema('preparing');

describe('statements on a service data source', () => {
  let dataSource: DataSource;
  let runner: QueryRunner;

  beforeAll(async () => {
    dataSource = await openSpecDataSource(schema);
    runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.query('CREATE TABLE deadlines (id int PRIMARY KEY, due date NOT NULL)');
  });

  afterAll(async () => {
    await runner.release();
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  /** What this connection has prepared, by statement text. */
  async function preparedTexts(): Promise<string[]> {
    const rows: { statement: string }[] = await runner.query(
      'SELECT statement FROM pg_prepared_statements',
    );
    return rows.map((row) => row.statement);
  }

  it('prepares a parameterised statement once per connection and answers each call with its own values', async () => {
    const insert = 'INSERT INTO deadlines (id, due) VALUES ($1, $2)';
    const select = 'SELECT id, due::text FROM deadlines WHERE id = $1';
    for (let id = 1; id <= 8; id++) await runner.query(insert, [id, `2026-0${id}-01`]);

    expect(await runner.query(select, [3])).toEqual([{ id: 3, due: '2026-03-01' }]);
    expect(await runner.query(select, [8])).toEqual([{ id: 8, due: '2026-08-01' }]);
    const prepared = await preparedTexts();
    expect(prepared.filter((text) => text === insert)).toHaveLength(1);
    expect(prepared.filter((text) => text === select)).toHaveLength(1);
  });

  it('leaves statements without parameters unprepared', async () => {
    const count = 'SELECT count(*)::int AS n FROM deadlines';
    expect(await runner.query(count)).toEqual([{ n: 8 }]);
    expect(await preparedTexts()).not.toContain(count);
  });

  it('reports a failing prepared statement as before, and runs it again once it can succeed', async () => {
    const insert = 'INSERT INTO deadlines (id, due) VALUES ($1, $2::date)';
    await expect(runner.query(insert, [100, 'not a date'])).rejects.toThrow(/invalid input syntax/);
    await runner.query(insert, [100, '2027-01-01']);
    expect(await runner.query('SELECT due::text FROM deadlines WHERE id = $1', [100])).toEqual([
      { due: '2027-01-01' },
    ]);
  });
});

describe('transactions on a service data source', () => {
  let dataSource: DataSource;
  let runner: QueryRunner;
  /** ReadyForQuery messages on the runner's connection: one per round trip. */
  let roundTrips = 0;

  beforeAll(async () => {
    dataSource = await openSpecDataSource(`${schema}_tx`);
    runner = dataSource.createQueryRunner();
    const client = (await runner.connect()) as { connection: NodeJS.EventEmitter };
    client.connection.on('readyForQuery', () => roundTrips++);
    await runner.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
  });

  afterAll(async () => {
    await runner.release();
    await dataSource.query(`DROP SCHEMA "${schema}_tx" CASCADE`);
    await dataSource.destroy();
  });

  beforeEach(() => runner.query('TRUNCATE notes'));

  const insert = 'INSERT INTO notes (id, body) VALUES ($1, $2) RETURNING id, body';
  const ids = async () =>
    ((await runner.query('SELECT id FROM notes ORDER BY id')) as { id: number }[]).map(
      (row) => row.id,
    );

  /** Round trips taken by `work`. */
  async function counted(work: () => Promise<unknown>): Promise<number> {
    const before = roundTrips;
    await work();
    return roundTrips - before;
  }

  it('starts a transaction with its first parameterised statement, in one round trip', async () => {
    await runner.startTransaction();
    await runner.rollbackTransaction(); // the connection has its BEGIN prepared from now on

    const trips = await counted(async () => {
      await runner.startTransaction();
      expect(await runner.query(insert, [1, 'first'])).toEqual([{ id: 1, body: 'first' }]);
      await runner.query(insert, [2, 'second']);
      await runner.commitTransaction();
    });

    expect(trips).toBe(3);
    expect(await ids()).toEqual([1, 2]);
  });

  it('runs the first statement inside the transaction: a rollback undoes it', async () => {
    for (const first of [
      () => runner.query(insert, [1, 'parameterised']),
      () => runner.query("INSERT INTO notes (id, body) VALUES (1, 'literal')"),
    ]) {
      await runner.startTransaction();
      await first();
      await runner.rollbackTransaction();
      expect(await ids()).toEqual([]);
    }
  });

  it('keeps an isolation level asked for', async () => {
    await runner.startTransaction('SERIALIZABLE');
    const [level] = (await runner.query('SHOW transaction_isolation')) as {
      transaction_isolation: string;
    }[];
    await runner.commitTransaction();
    expect(level?.transaction_isolation).toBe('serializable');
  });

  it('reports a first statement that fails, and leaves the connection usable after the rollback', async () => {
    await runner.query(insert, [1, 'kept']);
    await runner.startTransaction();
    await expect(runner.query(insert, [1, 'duplicate'])).rejects.toThrow(/duplicate key/);
    await runner.rollbackTransaction();
    await runner.startTransaction();
    await expect(runner.query('SELECT missing FROM notes WHERE id = $1', [1])).rejects.toThrow(
      /column "missing" does not exist/,
    );
    await runner.rollbackTransaction();

    expect(await runner.query(insert, [2, 'after'])).toEqual([{ id: 2, body: 'after' }]);
    expect(await ids()).toEqual([1, 2]);
  });

  it('sends nothing for a transaction that sends nothing', async () => {
    await runner.startTransaction();
    await runner.rollbackTransaction();
    const trips = await counted(async () => {
      await runner.startTransaction();
      await runner.commitTransaction();
      await runner.startTransaction();
      await runner.rollbackTransaction();
    });
    expect(trips).toBe(0);
  });
});
