import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

export interface InsertRowsOptions {
  /** `ON CONFLICT DO NOTHING`: a row that would break a unique constraint is skipped. */
  skipConflicts?: boolean;
  /** Columns of the inserted rows to return (`RETURNING`); rows skipped as conflicts return none. */
  returning?: readonly string[];
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
  const returned: Returned[] = [];
  if (rows.length === 0) return returned;
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter(
    (column) => column.isInsert && rows.some((row) => column.getEntityValue(row) !== undefined),
  );
  const table = metadata.tablePath
    .split('.')
    .map((part) => driver.escape(part))
    .join('.');
  const columnList = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(columns.length, 1)));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const parameters: unknown[] = [];
    const tuples = rows.slice(start, start + rowsPerStatement).map((row) => {
      const cells = columns.map((column) => {
        const value: unknown = column.getEntityValue(row);
        if (value === undefined) return 'DEFAULT';
        parameters.push(driver.preparePersistentValue(value, column));
        return `$${parameters.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    const onConflict = options.skipConflicts ? ' ON CONFLICT DO NOTHING' : '';
    const returning = options.returning
      ? ` RETURNING ${options.returning.map((column) => driver.escape(column)).join(', ')}`
      : '';
    const inserted = await manager.query<Returned[]>(
      `INSERT INTO ${table} (${columnList}) VALUES ${tuples.join(', ')}${onConflict}${returning}`,
      parameters,
    );
    if (returning) returned.push(...inserted);
  }
  return returned;
}
