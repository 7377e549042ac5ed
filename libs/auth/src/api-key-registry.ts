import type { DataSource } from 'typeorm';

import { generateApiKey, hashApiKey, parseApiKey, sameHash } from './api-key-format';
import type { Role } from './roles';

/** A key as lists show it: never its hash, never its secret. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  scopes: string[];
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export type KeyCheck =
  { ok: true; key: ApiKeyRecord } | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' };

interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  scopes: string[];
  hash: string;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** `last_used_at` is written at most this often per key and instance: it is a hint, not a log. */
const TOUCH_EVERY_MS = 60_000;
const COLUMNS = 'id, name, role, scopes, hash, created_at, created_by, revoked_at, last_used_at';

/**
 * The API keys every service accepts, in the platform's `auth` schema. Each request looks its key up
 * by id (the primary key) and compares hashes in constant time; nothing is cached, so a revoked key
 * fails on every service from the next request on.
 */
export class ApiKeyRegistry {
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: {
    name: string;
    role: Role;
    scopes: readonly string[];
    createdBy: string;
  }): Promise<{ key: string; record: ApiKeyRecord }> {
    const generated = generateApiKey();
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `INSERT INTO api_keys (id, name, role, scopes, hash, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        generated.id,
        input.name,
        input.role,
        [...input.scopes],
        generated.hash,
        this.now(),
        input.createdBy,
      ],
    );
    return { key: generated.key, record: recordOf(single(rows)) };
  }

  /** Newest first, revoked ones included. */
  async list(): Promise<ApiKeyRecord[]> {
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_keys ORDER BY created_at DESC, id`,
    );
    return rows.map(recordOf);
  }

  async find(id: string): Promise<ApiKeyRecord | null> {
    const row = await this.row(id);
    return row ? recordOf(row) : null;
  }

  /** Revokes the key from now on (again: keeps the first time); null when there is no such key. */
  async revoke(id: string): Promise<ApiKeyRecord | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [ApiKeyRow[], number] = await this.dataSource.query(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, this.now()],
    );
    const row = rows[0];
    return row ? recordOf(row) : null;
  }

  /** Checks a presented key against the registry, right now. */
  async check(presented: string): Promise<KeyCheck> {
    const parsed = parseApiKey(presented);
    if (!parsed) return { ok: false, reason: 'malformed' };
    const row = await this.row(parsed.id);
    // A wrong secret for a real id says no more than an id that does not exist.
    if (!row || !sameHash(row.hash, hashApiKey(presented))) return { ok: false, reason: 'unknown' };
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
    this.touch(row.id);
    return { ok: true, key: recordOf(row) };
  }

  private async row(id: string): Promise<ApiKeyRow | null> {
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_keys WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  private touch(id: string): void {
    const now = this.now();
    const last = this.touched.get(id);
    if (last !== undefined && now.getTime() - last < TOUCH_EVERY_MS) return;
    this.touched.set(id, now.getTime());
    // Best effort, off the request's path: a lost update only makes the hint older.
    void this.dataSource
      .query(
        `UPDATE api_keys SET last_used_at = $2
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
        [id, now],
      )
      .catch(() => undefined);
  }
}

function single<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected one row');
  return row;
}

function recordOf(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    scopes: row.scopes,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
