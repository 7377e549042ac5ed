import { randomUUID } from 'node:crypto';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const ROLES = ['viewer', 'operator', 'admin'] as const;

/** One operation of a service's OpenAPI document, e.g. `POST /v1/receivers`, and who may call it. */
export interface DocumentedOperation {
  method: string;
  path: string;
  /** The least role it needs; null for a public operation (`security: []`). */
  role: (typeof ROLES)[number] | null;
}

export const operationName = (operation: { method: string; path: string }) =>
  `${operation.method.toUpperCase()} ${operation.path}`;

/** Every operation the running service documents at /openapi.json (which must answer without a key). */
export async function documentedOperations(base: string): Promise<DocumentedOperation[]> {
  const response = await fetch(`${base}/openapi.json`);
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`);
  const document = (await response.json()) as {
    paths: Record<string, Record<string, { security?: unknown[]; 'x-dealwatch-role'?: string }>>;
  };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const role = operation['x-dealwatch-role'];
      if (!isPublic && !ROLES.includes(role as (typeof ROLES)[number])) {
        throw new Error(`${method.toUpperCase()} ${path} names no role`);
      }
      return [{ method, path, role: isPublic ? null : (role as (typeof ROLES)[number]) }];
    }),
  );
}

/** What one call answered where the protection expected a refusal. */
export interface Refusal {
  operation: string;
  status: number;
  contentType: string | null;
  type: unknown;
  challenge: string | null;
}

/**
 * Calls `operation` (path parameters filled with a UUID, a JSON body for writes) with `key`, or
 * without credentials, and reports how it was answered. Guards run before parameters or bodies are
 * read, so a refusal never depends on them.
 */
export async function callOperation(
  base: string,
  operation: DocumentedOperation,
  key: string | null,
): Promise<Refusal> {
  const path = operation.path.replace(/\{[^}]+\}/g, () => randomUUID());
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const write = !['get', 'head', 'options'].includes(operation.method);
  if (write) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method: operation.method.toUpperCase(),
    headers,
    ...(write ? { body: '{}' } : {}),
  });
  const text = operation.method === 'head' ? '' : await response.text();
  let type: unknown = null;
  try {
    type = (JSON.parse(text) as { type?: unknown }).type;
  } catch {
    // Not JSON: reported as is.
  }
  return {
    operation: operationName(operation),
    status: response.status,
    contentType: response.headers.get('content-type'),
    type,
    challenge: response.headers.get('www-authenticate'),
  };
}

export interface ProtectionReport {
  /** `METHOD /path` of every public operation. */
  publicOperations: string[];
  /** `METHOD /path` of every operation that needs the admin role. */
  adminOperations: string[];
  /** Non-GET operations a viewer's role would be enough for (there must be none). */
  viewerWrites: string[];
  /** Answers to calls without credentials (each should be a 401 problem with a Bearer challenge). */
  anonymous: Refusal[];
  /** Answers to a viewer's calls of operations above its role (each should be a 403 problem). */
  viewerAboveRole: Refusal[];
  /** Answers to an operator's calls of admin operations (each should be a 403 problem). */
  operatorAboveRole: Refusal[];
}

/**
 * Walks every operation of the service's own OpenAPI document: without credentials, as a viewer and
 * as an operator (keys of the test's registry), for the spec to check each answer.
 */
export async function probeProtection(
  base: string,
  keys: { viewer: string; operator: string },
): Promise<ProtectionReport> {
  const operations = await documentedOperations(base);
  const secured = operations.filter((operation) => operation.role !== null);
  const aboveViewer = secured.filter((operation) => operation.role !== 'viewer');
  const admin = secured.filter((operation) => operation.role === 'admin');
  return {
    publicOperations: operations.filter((o) => o.role === null).map(operationName),
    adminOperations: admin.map(operationName),
    viewerWrites: secured
      .filter((o) => o.role === 'viewer' && !['get', 'head', 'options'].includes(o.method))
      .map(operationName),
    anonymous: await inTurn(secured, (operation) => callOperation(base, operation, null)),
    viewerAboveRole: await inTurn(aboveViewer, (o) => callOperation(base, o, keys.viewer)),
    operatorAboveRole: await inTurn(admin, (o) => callOperation(base, o, keys.operator)),
  };
}

/** A refusal is right when it is a problem of the expected status and type. */
export function isProblem(refusal: Refusal, status: 401 | 403): boolean {
  const type = status === 401 ? 'unauthenticated' : 'forbidden';
  return (
    refusal.status === status &&
    (refusal.contentType ?? '').startsWith('application/problem+json') &&
    refusal.type === `https://dealwatch.dev/problems/${type}` &&
    (status !== 401 || (refusal.challenge ?? '').startsWith('Bearer'))
  );
}

async function inTurn<T, R>(items: T[], call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await call(item));
  return results;
}
