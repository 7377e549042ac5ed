import { defaultRoleFor, highestRole, isRole, roleAtLeast } from './roles';
import { inScope } from './scopes';

describe('roles', () => {
  it('orders viewer below operator below admin', () => {
    expect(roleAtLeast('admin', 'operator')).toBe(true);
    expect(roleAtLeast('operator', 'operator')).toBe(true);
    expect(roleAtLeast('viewer', 'operator')).toBe(false);
    expect(roleAtLeast('operator', 'admin')).toBe(false);
  });

  it('takes the highest known role of a list, ignoring unknown ones', () => {
    expect(highestRole(['viewer', 'admin', 'operator'])).toBe('admin');
    expect(highestRole(['billing', 'operator'])).toBe('operator');
    expect(highestRole(['billing', 42, null])).toBeNull();
    expect(highestRole([])).toBeNull();
  });

  it('needs viewer to read and operator for anything else by default', () => {
    expect(defaultRoleFor('GET')).toBe('viewer');
    expect(defaultRoleFor('head')).toBe('viewer');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(defaultRoleFor(method)).toBe('operator');
    }
  });

  it('knows only its three roles', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('Admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe('scopes', () => {
  it('lets an unscoped caller call every service, a scoped one only those named', () => {
    expect(inScope([], 'alerting')).toBe(true);
    expect(inScope(['ingest'], 'ingest')).toBe(true);
    expect(inScope(['ingest'], 'console')).toBe(false);
  });
});
