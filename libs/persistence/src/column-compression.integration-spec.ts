import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

import { compressWithLz4Migration } from './column-compression';
import { openSpecDataSource, specSchema } from './spec-data-source';

const columns = { documents: ['text', 'original'] };
const CompressWithLz41700000000001 = compressWithLz4Migration(
  'CompressWithLz41700000000001',
  columns,
);

class CreateDocuments1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE documents (id int PRIMARY KEY, text text NOT NULL, original bytea NOT NULL)',
    );
  }
  async down(): Promise<void> {}
}

/** A text that compresses well, as an agreement's does, and far over the size PostgreSQL compresses. */
const agreementText =
  'The Parties shall jointly select priority projects within six months. '.repeat(500);

describe('a migration to lz4 (compressWithLz4Migration)', () => {
  const schema = specSchema('column_compression');
  let dataSource: DataSource;
  let lz4Available: boolean;
  let nextId = 0;

  beforeAll(async () => {
    dataSource = await openSpecDataSource(schema, {
      migrations: [CreateDocuments1700000000000, CompressWithLz41700000000001],
    });
    const [row] = await dataSource.query<{ lz4: boolean }[]>(
      `SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings
       WHERE name = 'default_toast_compression'`,
    );
    lz4Available = row?.lz4 ?? false;
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  /** How PostgreSQL compressed each column of a row written now. */
  async function compressionOfNewRow(): Promise<{ text: string; original: string }> {
    const id = ++nextId;
    await dataSource.query('INSERT INTO documents VALUES ($1, $2, convert_to($2, $3))', [
      id,
      agreementText,
      'UTF8',
    ]);
    const [row] = await dataSource.query<{ text: string; original: string }[]>(
      `SELECT pg_column_compression(text) AS text, pg_column_compression(original) AS original
       FROM documents WHERE id = $1`,
      [id],
    );
    return row!;
  }

  it('has the columns compressed with lz4 where the server has it, and reads them back whole', async () => {
    const expected = lz4Available ? 'lz4' : 'pglz';
    expect(await compressionOfNewRow()).toEqual({ text: expected, original: expected });
    const [stored] = await dataSource.query<{ text: string }[]>(
      'SELECT text FROM documents WHERE id = $1',
      [nextId],
    );
    expect(stored?.text).toBe(agreementText);
  });

  it('gives the columns back to the server default when undone', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await new CompressWithLz41700000000001().down(runner);
    } finally {
      await runner.release();
    }
    const [setting] = await dataSource.query<{ compression: string }[]>(
      `SELECT current_setting('default_toast_compression') AS compression`,
    );
    const expected = setting!.compression;
    expect(await compressionOfNewRow()).toEqual({ text: expected, original: expected });
  });
});
