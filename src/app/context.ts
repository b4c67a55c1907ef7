import type { Deps } from './deps.js';
import type { Actor } from '../core/auth/actor.js';
import { can, type Permission } from '../core/auth/permissions.js';
import { type DomainError, type ErrorCode, forbidden, isDomainError } from '../core/errors.js';
import { regionScope, systemScope, type Scope, type Tx } from '../storage/db.js';
import { appendAudit } from '../storage/audit.repo.js';

/** What every staff use case receives: the dependencies, who acts, and the request being served. */
export type Ctx = { deps: Deps; actor: Actor; requestId: string | null };

/**
 * Runs a read inside the actor's jurisdiction (RLS scope = their region path) after the
 * role check. Refusals are audited, since a denied attempt is itself worth a record.
 */
export async function readAs<T>(
  ctx: Ctx,
  permission: Permission,
  target: string,
  fn: (trx: Tx) => Promise<T>,
): Promise<T> {
  await ensurePermitted(ctx, permission, `${permission}`, target);
  try {
    return await ctx.deps.db.tx(scopeOf(ctx), fn);
  } catch (e) {
    if (isDomainError(e) && e.code === 'NotFound') await auditDenied(ctx, permission, target, e);
    throw e;
  }
}

/** What a write reports for its audit record; `regionPath` is its target's (default: the actor's jurisdiction). */
export type Written<T> = { value: T; target?: string; details?: Record<string, unknown>; regionPath?: string | null };

/**
 * Runs a write in one transaction inside the actor's jurisdiction and appends the audit record
 * in that same transaction, so a change and its record commit or vanish together. The record
 * carries the region path of the target, so the auditors of that region read it.
 */
export async function writeAs<T>(
  ctx: Ctx,
  permission: Permission,
  action: string,
  target: string,
  fn: (trx: Tx) => Promise<Written<T>>,
): Promise<T> {
  await ensurePermitted(ctx, permission, action, target);
  try {
    return await ctx.deps.db.tx(scopeOf(ctx), async (trx) => {
      const r = await fn(trx);
      await appendAudit(trx, {
        ...who(ctx),
        action,
        target: r.target ?? target,
        outcome: 'ok',
        details: r.details,
        regionPath: r.regionPath !== undefined ? r.regionPath : ownRegion(ctx),
      });
      return r.value;
    });
  } catch (e) {
    if (isDomainError(e)) await auditDenied(ctx, action, target, e);
    throw e;
  }
}

async function ensurePermitted(ctx: Ctx, permission: Permission, action: string, target: string): Promise<void> {
  if (can(ctx.actor.roles, permission)) return;
  const e = forbidden(permission);
  await auditDenied(ctx, action, target, e);
  throw e;
}

const refusals: readonly ErrorCode[] = ['Forbidden', 'NotFound', 'SeparationOfDuties'];

/**
 * Records a refused or failed attempt in its own transaction (the attempt's own was rolled back).
 * It belongs to the actor's jurisdiction: the target may lie outside it, or not exist at all.
 */
export async function auditDenied(ctx: Ctx, action: string, target: string, e: DomainError): Promise<void> {
  const outcome = refusals.includes(e.code) ? 'denied' : 'failed';
  await ctx.deps.db.tx(systemScope, (trx) =>
    appendAudit(trx, {
      ...who(ctx),
      action,
      target,
      outcome,
      details: { code: e.code, message: e.message },
      regionPath: ownRegion(ctx),
    }),
  );
}

/** The actor's jurisdiction as an audit record's region; the operator's whole tree is the system's (null). */
const ownRegion = (ctx: Ctx): string | null => ctx.actor.scopePath || null;

function who(ctx: Ctx) {
  return { at: ctx.deps.clock.now(), actorId: actorId(ctx), actorName: ctx.actor.username, requestId: ctx.requestId };
}

/** The RLS scope of a context: the operator's empty path means the whole tree. */
const scopeOf = (ctx: Ctx): Scope =>
  ctx.actor.scopePath === '' ? systemScope : regionScope(ctx.actor.scopePath, ctx.actor.unitId);

function actorId(ctx: Ctx): number | null {
  return ctx.actor.userId > 0 ? ctx.actor.userId : null;
}
