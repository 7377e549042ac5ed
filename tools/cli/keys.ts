import type { KeyRole } from './args';
import { CliError } from './cli-error';
import { call, errorMessageOf, jsonOf } from './http';
import { alignColumns } from './table';

/** A key as the console lists it (never its secret). */
export interface KeyRow {
  id: string;
  name: string;
  role: string;
  scopes: string[];
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const SERVICE = 'console';

/** Creates a key; the answer holds the key itself, which the console never shows again. */
export async function createKey(
  url: string,
  input: { keyName: string; role: KeyRole; scopes: string[] },
): Promise<KeyRow & { key: string }> {
  const response = await call(SERVICE, `${url}/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: input.keyName, role: input.role, scopes: input.scopes }),
  });
  const body = (await jsonOf(SERVICE, response)) as Partial<KeyRow & { key: string }>;
  if (typeof body.key !== 'string' || typeof body.id !== 'string') {
    throw new CliError('console: /v1/api-keys answered without the new key');
  }
  return body as KeyRow & { key: string };
}

export async function listKeys(url: string): Promise<KeyRow[]> {
  const body = (await jsonOf(SERVICE, await call(SERVICE, `${url}/v1/api-keys`))) as {
    items?: unknown;
  };
  if (!Array.isArray(body.items))
    throw new CliError('console: /v1/api-keys answered without items');
  return body.items as KeyRow[];
}

export async function revokeKey(url: string, id: string): Promise<void> {
  const response = await call(SERVICE, `${url}/v1/api-keys/${id}`, { method: 'DELETE' });
  if (!response.ok) {
    const text = await response.text();
    throw new CliError(
      `console: HTTP ${response.status}: ${errorMessageOf(response.status, text)}`,
    );
  }
}

export function keysTable(rows: readonly KeyRow[]): string[] {
  return alignColumns([
    ['ID', 'NAME', 'ROLE', 'SCOPES', 'CREATED', 'BY', 'LAST USED', 'REVOKED'],
    ...rows.map((row) => [
      row.id,
      row.name,
      row.role,
      row.scopes.length === 0 ? 'all' : row.scopes.join(','),
      minute(row.createdAt),
      row.createdBy,
      minute(row.lastUsedAt),
      minute(row.revokedAt),
    ]),
  ]);
}

function minute(instant: string | null): string {
  return instant === null ? '-' : `${instant.slice(0, 16).replace('T', ' ')}Z`;
}
