/** The services a key may be scoped to; an empty scope list means all of them. */
export const serviceScopes = [
  'ingest',
  'clause-extraction',
  'milestone-scheduler',
  'alerting',
  'console',
] as const;
export type ServiceScope = (typeof serviceScopes)[number];

export function isServiceScope(value: unknown): value is ServiceScope {
  return typeof value === 'string' && (serviceScopes as readonly string[]).includes(value);
}

/** Whether a caller with these scopes may call `service`. */
export function inScope(scopes: readonly string[], service: string): boolean {
  return scopes.length === 0 || scopes.includes(service);
}
