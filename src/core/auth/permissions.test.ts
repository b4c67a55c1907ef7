import { describe, expect, it } from 'vitest';
import { can, permissions, rolesConflict } from './permissions.js';

describe('permissions', () => {
  it.each([
    [['auditor'], 'audit.read', true],
    [['auditor'], 'region.read', false],
    [['auditor'], 'user.read', false],
    [['admin'], 'audit.read', false],
    [['admin'], 'user.write', false],
    [['security'], 'user.write', true],
    [['security'], 'unit.write', false],
    [['admin'], 'unit.write', true],
    [['gridworker'], 'region.read', true],
    [['gridworker'], 'user.read', false],
    [['leader', 'mediator'], 'user.read', true],
  ] as const)('%j may %s: %s', (roles, perm, expected) => {
    expect(can(roles, perm)).toBe(expected);
  });

  it('gives the auditor only the audit log', () => {
    const granted = Object.keys(permissions).filter((p) => can(['auditor'], p as keyof typeof permissions));
    expect(granted).toEqual(['audit.read']);
  });

  it.each([
    [['admin', 'security'], true],
    [['auditor', 'leader'], true],
    [['admin'], false],
    [['mediator', 'gridworker'], false],
  ] as const)('roles %j conflict: %s', (roles, conflict) => {
    expect(rolesConflict(roles) !== null).toBe(conflict);
  });
});
