import { Client } from 'pg';
import type { ClientBase } from 'pg';

/**
 * Where PostgreSQL's write-ahead log is, in bytes since its start: the difference between two
 * readings is what the server wrote in between, every database included (as its CPU is counted).
 * What an agreement costs in WAL is what replication, backups and the disk pay for it.
 */
export async function walPosition(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await walPositionOn(client);
  } finally {
    await client.end();
  }
}

/** The same, on a connection already open. */
export async function walPositionOn(client: ClientBase): Promise<number> {
  const { rows } = await client.query<{ bytes: string }>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS bytes`,
  );
  return Number(rows[0]!.bytes);
}
