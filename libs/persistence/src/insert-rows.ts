import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers.js';

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
 * Inserts entities with one plain `INSERT` (one per set of properties the rows leave undefined, so
 * those take the columns' defaults). TypeORM's insert builder escapes each parameter with a scan of
 * the whole statement, so its cost grows with rows times columns squared: it was the largest single
 * cost of the scheduler under load. Values go through the driver as TypeORM's own would
 * (transformers, JSON, dates).
 */
export async function insertRows<Entity extends ObjectLiteral, Returned = ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  rows: readonly Partial<Entity>[],
  options: InsertRowsOptions = {},
): Promise<Returned[]> {
  const returned: Returned[] = [];
  const onConflict = options.skipConflicts ? ' ON CONFLICT DO NOTHING' : '';
  const driver = manager.connection.driver;
  const returning = options.returning
    ? ` RETURNING ${options.returning.map((column) => driver.escape(column)).join(', ')}`
    : '';
  for (const insert of inserts(manager, { target, rows })) {
    const parameters: unknown[] = [];
    const sql = insert.sql(parameters);
    returned.push(
      ...(await manager.query<Returned[]>(`${sql}${onConflict}${returning}`, parameters)),
    );
  }
  return returned;
}

/**
 * Inserts rows into several tables in one statement, a round trip instead of one per table: each
 * table's `INSERT` but the last is a data-modifying `WITH`. Foreign keys are checked at the end of
 * the statement, so parents and their children may go together in any order.
 */
export async function insertTogether(
  manager: EntityManager,
  tables: readonly RowsOf[],
): Promise<void> {
  const parameters: unknown[] = [];
  const statements = tables
    .flatMap((table) => inserts(manager, table))
    .map((insert) => insert.sql(parameters));
  const last = statements.pop();
  if (last === undefined) return;
  const ctes = statements.map((statement, index) => `inserted_${index} AS (${statement})`);
  await manager.query(ctes.length > 0 ? `WITH ${ctes.join(', ')} ${last}` : last, parameters);
}

/** The table's rows as `INSERT`s, one per set of columns the rows set. */
function inserts(manager: EntityManager, table: RowsOf): RowsInsert[] {
  const metadata = manager.connection.getMetadata(table.target);
  const insertable = metadata.columns.filter((column) => column.isInsert);
  const bySetColumns = new Map<string, { columns: ColumnMetadata[]; rows: ObjectLiteral[] }>();
  for (const row of table.rows) {
    const columns = insertable.filter((column) => column.getEntityValue(row) !== undefined);
    const key = columns.map((column) => column.databaseName).join(',');
    const group = bySetColumns.get(key);
    if (group) group.rows.push(row);
    else bySetColumns.set(key, { columns, rows: [row] });
  }
  return [...bySetColumns.values()].map(
    ({ columns, rows }) => new RowsInsert(manager, metadata.tablePath, columns, rows),
  );
}

const JSON_COLUMN_TYPES = new Set<unknown>(['json', 'jsonb']);

/**
 * One table's `INSERT` of rows that set the same columns, in a text that does not change with the
 * number of rows, so that a connection prepares it once and PostgreSQL plans it once (with a
 * `VALUES` list, each new row count was a new statement to parse and plan, most of the time of a
 * large insert):
 *
 * - one row goes as a `VALUES` row of parameters;
 * - more go as one JSON array, which `json_populate_recordset` reads against the table's own row
 *   type. Not for one row too: encoding a large text or bytea value as JSON costs more than
 *   sending it as a parameter, about 1 ms for a 30 kB agreement.
 */
class RowsInsert {
  private readonly driver;
  private readonly table: string;
  private readonly columnList: string;

  constructor(
    manager: EntityManager,
    tablePath: string,
    private readonly columns: readonly ColumnMetadata[],
    private readonly rows: readonly ObjectLiteral[],
  ) {
    this.driver = manager.connection.driver;
    this.table = tablePath
      .split('.')
      .map((part) => this.escape(part))
      .join('.');
    this.columnList = columns.map((column) => this.escape(column.databaseName)).join(', ');
  }

  private escape(name: string): string {
    return this.driver.escape(name);
  }

  /** The statement, its values appended to `parameters`. */
  sql(parameters: unknown[]): string {
    const head = `INSERT INTO ${this.table} (${this.columnList})`;
    const [row] = this.rows;
    if (row && this.rows.length === 1) {
      const cells = this.columns.map((column) => {
        parameters.push(this.parameter(row, column));
        return `$${parameters.length}`;
      });
      return `${head} VALUES (${cells.join(', ')})`;
    }
    parameters.push(wellFormedJson(JSON.stringify(this.rows.map((each) => this.rowObject(each)))));
    return (
      `${head} SELECT ${this.columnList} ` +
      `FROM json_populate_recordset(NULL::${this.table}, $${parameters.length}::json)`
    );
  }

  private prepared(row: ObjectLiteral, column: ColumnMetadata): unknown {
    return this.driver.preparePersistentValue(column.getEntityValue(row), column);
  }

  /** A JSON column's value is JSON text, which PostgreSQL reads itself, escapes included. */
  private parameter(row: ObjectLiteral, column: ColumnMetadata): unknown {
    const value = this.prepared(row, column);
    return JSON_COLUMN_TYPES.has(column.type) && typeof value === 'string'
      ? wellFormedJson(value)
      : value;
  }

  /**
   * A row as an object of the values PostgreSQL reads into its columns, for one `JSON.stringify` of
   * them all: JSON columns' values as they are; bytes in bytea's hex form; dates as ISO instants
   * (every timestamp column here has a time zone); arrays as JSON arrays. Every row has its keys in
   * one order, so V8 serialises them alike.
   */
  private rowObject(row: ObjectLiteral): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (const column of this.columns) object[column.databaseName] = this.jsonValue(row, column);
    return object;
  }

  private jsonValue(row: ObjectLiteral, column: ColumnMetadata): unknown {
    if (JSON_COLUMN_TYPES.has(column.type)) {
      const value: unknown = column.getEntityValue(row);
      return column.transformer
        ? ApplyValueTransformers.transformTo(column.transformer, value)
        : value;
    }
    const value = this.prepared(row, column);
    return Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : value;
  }
}

/**
 * `JSON.stringify` writes an unpaired surrogate as a `\udXXX` escape, which PostgreSQL refuses; it
 * becomes U+FFFD, as it does when pg sends a string parameter. An escape counts only where an even
 * number of backslashes precede it: `\\ud800` is a backslash and the text "ud800".
 */
function wellFormedJson(json: string): string {
  return json.includes('\\ud') ? json.replace(LONE_SURROGATE_ESCAPE, '$1\\ufffd') : json;
}

const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;
