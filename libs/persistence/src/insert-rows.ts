import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 65_535;

export interface InsertRowsOptions {
  /** `ON CONFLICT DO NOTHING`: a row that would break a unique constraint is skipped. */
  skipConflicts?: boolean;
}

/**
 * Inserts entities with one plain multi-row `INSERT` per 65,535 parameters. TypeORM's insert
 * builder escapes each parameter with a scan of the whole statement, so its cost grows with rows
 * times columns squared: it was the largest single cost of the scheduler under load. Values go
 * through the driver as TypeORM's own would (transformers, JSON, dates); a property left
 * undefined takes the column's default.
 */
export async function insertRows<Entity extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<Entity>,
  rows: readonly Partial<Entity>[],
  options: InsertRowsOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
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
    await manager.query(
      `INSERT INTO ${table} (${columnList}) VALUES ${tuples.join(', ')}${onConflict}`,
      parameters,
    );
  }
}
