import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

export interface InsertRowsOptions {
  /** `ON CONFLICT DO NOTHING`: a row that would break a unique constraint is skipped. */
  skipConflicts?: boolean;
  /** Columns of the inserted rows to return (`RETURNING`); rows skipped as conflicts return none. */
  returning?: readonly string[];
}

/** Rows for one table, for `insertTogether`. */
export interface RowsOf<Entity extends ObjectLiteral = ObjectLiteral> {
  target: EntityTarget<Entity>;
  rows: readonly Partial<Entity>[];
}

/**
 * Inserts entities with one plain multi-row `INSERT` per 65,535 parameters. TypeORM's insert
 * builder escapes each parameter with a scan of the whole statement, so its cost grows with rows
 * times columns squared: it was the largest single cost of the scheduler under load. Values go
 * through the driver as TypeORM's own would (transformers, JSON, dates); a property left
 * undefined takes the column's default.
 */
export async function insertRows<Entity extends ObjectLiteral, Returned = ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  rows: readonly Partial<Entity>[],
  options: InsertRowsOptions = {},
): Promise<Returned[]> {
  if (rows.length === 0) return [];
  return insertInChunks<Returned>(manager, new InsertStatement(manager, target, rows), options);
}

/** The statement's rows, as many per `INSERT` as the parameter limit allows. */
async function insertInChunks<Returned>(
  manager: EntityManager,
  statement: InsertStatement<ObjectLiteral>,
  options: InsertRowsOptions = {},
): Promise<Returned[]> {
  const returned: Returned[] = [];
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / statement.columnCount));
  const onConflict = options.skipConflicts ? ' ON CONFLICT DO NOTHING' : '';
  const returning = options.returning
    ? ` RETURNING ${options.returning.map((column) => statement.escape(column)).join(', ')}`
    : '';
  for (let start = 0; start < statement.rowCount; start += rowsPerStatement) {
    const parameters: unknown[] = [];
    const insert = statement.sql(start, start + rowsPerStatement, parameters);
    const inserted = await manager.query<Returned[]>(
      `${insert}${onConflict}${returning}`,
      parameters,
    );
    if (returning) returned.push(...inserted);
  }
  return returned;
}

/**
 * Inserts rows into several tables in one statement, a round trip instead of one per table: each
 * table's `INSERT` but the last is a data-modifying `WITH`. Foreign keys are checked at the end of
 * the statement, so parents and their children may go together in any order. Rows that would pass
 * the parameter limit together are inserted table by table, in the order given.
 */
export async function insertTogether(
  manager: EntityManager,
  tables: readonly RowsOf[],
): Promise<void> {
  const statements = tables
    .filter((table) => table.rows.length > 0)
    .map((table) => new InsertStatement(manager, table.target, table.rows));
  const parameterCount = statements.reduce(
    (sum, statement) => sum + statement.rowCount * statement.columnCount,
    0,
  );
  if (statements.length <= 1 || parameterCount > MAX_PARAMETERS) {
    for (const statement of statements) await insertInChunks(manager, statement);
    return;
  }
  const parameters: unknown[] = [];
  const inserts = statements.map((statement) => statement.sql(0, statement.rowCount, parameters));
  const last = inserts.pop();
  const ctes = inserts.map((insert, index) => `inserted_${index} AS (${insert})`);
  await manager.query(`WITH ${ctes.join(', ')} ${last}`, parameters);
}

/** An entity's multi-row `INSERT`, with the columns any of the rows sets. */
class InsertStatement<Entity extends ObjectLiteral> {
  private readonly columns;
  private readonly driver;
  private readonly head: string;

  constructor(
    manager: EntityManager,
    target: EntityTarget<Entity>,
    private readonly rows: readonly Partial<Entity>[],
  ) {
    const metadata = manager.connection.getMetadata(target);
    this.driver = manager.connection.driver;
    this.columns = metadata.columns.filter(
      (column) => column.isInsert && rows.some((row) => column.getEntityValue(row) !== undefined),
    );
    const table = metadata.tablePath
      .split('.')
      .map((part) => this.escape(part))
      .join('.');
    const columnList = this.columns.map((column) => this.escape(column.databaseName)).join(', ');
    this.head = `INSERT INTO ${table} (${columnList}) VALUES `;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  get columnCount(): number {
    return Math.max(this.columns.length, 1);
  }

  escape(name: string): string {
    return this.driver.escape(name);
  }

  /** The statement for rows [from, to), its values appended to `parameters`. */
  sql(from: number, to: number, parameters: unknown[]): string {
    const tuples = this.rows.slice(from, to).map((row) => {
      const cells = this.columns.map((column) => {
        const value: unknown = column.getEntityValue(row);
        if (value === undefined) return 'DEFAULT';
        parameters.push(this.driver.preparePersistentValue(value, column));
        return `$${parameters.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    return `${this.head}${tuples.join(', ')}`;
  }
}
