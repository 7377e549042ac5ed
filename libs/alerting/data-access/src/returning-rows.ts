import type { EntityManager } from 'typeorm';

/**
 * The rows a statement returns, whatever its kind. `EntityManager.query` answers UPDATE and DELETE
 * with `[rows, count]` instead of rows; the structured result says the same thing for every kind.
 */
export async function returningRows<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('returningRows needs the manager of a transaction');
  const result = await runner.query(sql, parameters, true);
  return result.records as T[];
}
