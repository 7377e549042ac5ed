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
