import { describe, expect, it } from 'vitest';
import { can, dutyBreach, permissions, rolesConflict } from './permissions.js';

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

  it.each([
    ['a new clerk', false, null, ['clerk'], false],
    ['a new auditor', false, null, ['auditor'], true],
    ['a new auditor, by the operator', true, null, ['auditor'], false],
    ['a mediator made a leader', false, ['mediator'], ['mediator', 'leader'], false],
    ['a mediator made an administrator', false, ['mediator'], ['admin'], true],
    ["the auditor's password", false, ['auditor'], ['auditor'], true],
    ["the security officer's roles", false, ['security'], ['mediator'], true],
    ["the administrator's password, by the operator", true, ['admin'], ['admin'], false],
  ] as const)('三员分立: %s is refused: %s', (_, byOperator, before, after, refused) => {
    expect(dutyBreach(byOperator, before, after) !== null).toBe(refused);
  });
});
