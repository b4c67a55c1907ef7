import type { Role } from '../case/types.js';

/**
 * Who may do what, as data. 三员分立 (separation of the three administrators):
 * `admin` configures the system (regions, units, categories), `security` manages accounts
 * and roles, `auditor` reads the audit log and nothing else.
 */
export const permissions = {
  'region.read': ['admin', 'security', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  'region.write': ['admin'],
  'unit.read': ['admin', 'security', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  'unit.write': ['admin'],
  'user.read': ['admin', 'security', 'dispatcher', 'leader'],
  'user.write': ['security'],
  'category.read': ['admin', 'security', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  'category.write': ['admin'],
  // Dispatch rules route every case: staff may read and dry-run them, only the administrator edits them.
  'dispatch_rule.read': ['admin', 'security', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  'dispatch_rule.write': ['admin'],
  'audit.read': ['auditor'],
  // Case work belongs to the staff who serve residents; the three administrators stay out of it.
  'case.read': ['dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  'case.submit': ['dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  'case.act': ['dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  // Seeing a party's full phone or ID number needs one of these roles and a stated reason (audited).
  'party.reveal': ['dispatcher', 'clerk', 'mediator', 'leader'],
  // Time limits (issue 4): everyone on staff may read the calendar and policies; the administrator edits them.
  'deadline.read': ['admin', 'security', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  'deadline.write': ['admin'],
  // The supervision board (督办), the backlog board and extension requests are case work.
  'supervision.read': ['dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  // Figures (分析研判) are computed over the cases a role may read, so the same roles read them.
  'kpi.read': ['dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  // Issue 12: peer classes and assessment schemes (考核方案) are configuration: the administrator defines them,
  // staff who read figures may read them; a period's scores are stored (and its warnings sent) by a leader.
  'assessment.read': ['admin', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  'assessment.write': ['admin'],
  'assessment.run': ['leader'],
  'extension.request': ['dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  // Only a leader decides, and only one of the parent level of the handling unit (checked in the use case).
  'extension.decide': ['leader'],
  // Every account but the auditor's receives in-app messages; webhooks and dead letters are the administrator's.
  'inbox.read': ['admin', 'security', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'],
  'webhook.manage': ['admin'],
  // Issue 6: partner systems' API keys (Open311) are integration settings, the administrator's.
  'partner_key.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** True when any of the roles grants the permission. */
export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = permissions[permission];
  return roles.some((r) => allowed.includes(r));
}

/**
 * Roles that may be held together. The three administrators stay apart from each other
 * and from case work, so no single account can both act and erase the traces of acting.
 */
export function rolesConflict(roles: readonly Role[]): string | null {
  const admins = roles.filter((r) => r === 'admin' || r === 'security' || r === 'auditor');
  if (admins.length > 1) return 'admin, security and auditor must be separate accounts';
  if (admins.length === 1 && roles.length > 1) return `${admins[0]} cannot be combined with other roles`;
  return null;
}

/** The three administrators of 三员分立: each account holds one of these roles and no other. */
export const dutyRoles = ['admin', 'security', 'auditor'] as const satisfies readonly Role[];

const holdsDutyRole = (roles: readonly Role[]) => roles.some((r) => (dutyRoles as readonly Role[]).includes(r));

/**
 * Why an account change breaks the separation of duties (等保 2.0 level 3), or null. Over the API no
 * one may create an account holding admin, security or auditor, nor change such an account in any
 * way (its password, roles, unit, state): otherwise the security officer could make themselves an
 * auditor, or sign in as one. The operator at the server's command line creates and resets them.
 * `before` is the account's roles now (null for a new account), `after` the roles it would hold.
 */
export function dutyBreach(byOperator: boolean, before: readonly Role[] | null, after: readonly Role[]): string | null {
  if (byOperator) return null;
  if (before && holdsDutyRole(before))
    return "the administrator's, security officer's and auditor's accounts are changed only on the server (civicgrid user)";
  if (holdsDutyRole(after))
    return "the administrator's, security officer's and auditor's accounts are created only on the server (civicgrid user add)";
  return null;
}
