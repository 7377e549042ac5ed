/** What a caller may do, each role including the ones before it. */
export const roles = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** True when `role` includes everything `required` may do. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(required);
}

/** The highest known role among `values` (unknown ones ignored), or null when none is known. */
export function highestRole(values: readonly unknown[]): Role | null {
  let best: Role | null = null;
  for (const value of values) {
    if (isRole(value) && (best === null || roleAtLeast(value, best))) best = value;
  }
  return best;
}

/** Reading needs `viewer`, anything else `operator`, unless a route says otherwise (`@Roles`). */
export function defaultRoleFor(method: string): Role {
  return ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? 'viewer' : 'operator';
}
