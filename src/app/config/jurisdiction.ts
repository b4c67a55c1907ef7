import type { Ctx } from '../context.js';
import { atRoot, type Actor } from '../../core/auth/actor.js';
import { DomainError } from '../../core/errors.js';
import { codesOfPath } from '../../core/region/codes.js';
import { nearestFirst, type Jurisdictional } from '../../core/region/nearest.js';
import type { Tx } from '../../storage/db.js';
import { regionNames } from '../../storage/region-tree.repo.js';

/**
 * Who sets which configuration (issue 11, point 4; docs/ARCHITECTURE.md "Configuration by
 * jurisdiction"). The calendar and the category tree are national in kind and set at the top, by the
 * deployment's root administrator only. Dispatch rules, deadline policies and card rules belong to
 * a jurisdiction: the top's rows ('') are the defaults, a region's rows override them for its
 * subtree, and an administrator writes only the rows of their own jurisdiction.
 */

/** The jurisdiction whose rows an actor writes: the top ('') at a root of the tree, else their own region's path. */
export const configPathOf = (actor: Pick<Actor, 'scopePath'>): string => (atRoot(actor) ? '' : actor.scopePath);

/** Refuses (403) a write of what only the top sets, unless the actor is a root administrator. */
export function requireTop(ctx: Ctx, what: string): void {
  if (!atRoot(ctx.actor))
    throw new DomainError('Forbidden', `${what} is set by the deployment's root administrator`, {
      action: what,
      reason: 'top_only',
    });
}

/**
 * Refuses (403) a change of a row the actor can see but that another jurisdiction set (an inherited
 * row, or one of a region below): they add an override of their own instead. Rows they cannot see at
 * all answer 404 before this, as every foreign record does.
 */
export function requireOwn(ctx: Ctx, regionPath: string, what: string): void {
  if (regionPath !== configPathOf(ctx.actor))
    throw new DomainError('Forbidden', `${what} belongs to another jurisdiction; add your own instead`, {
      action: what,
      reason: 'other_jurisdiction',
    });
}

/** Where a listed row comes from: the region that set it (null: the top) and whether it is inherited. */
export type Origin = { regionCode: string | null; regionName: string | null; inherited: boolean };

/**
 * The rows that apply to the actor, nearest jurisdiction first (their own, then each one above), each
 * with its origin. Rows of regions below or beside the actor's are not listed.
 */
export async function applyingTo<T extends Jurisdictional>(
  trx: Tx,
  actor: Pick<Actor, 'scopePath'>,
  rows: readonly T[],
): Promise<(T & Origin)[]> {
  const own = configPathOf(actor);
  const list = nearestFirst(rows, own);
  const codeOf = (path: string) => (path === '' ? null : codesOfPath(path).at(-1)!);
  const names = await regionNames(
    trx,
    list.flatMap((r) => codeOf(r.regionPath) ?? []),
  );
  return list.map((r) => {
    const code = codeOf(r.regionPath);
    return { ...r, regionCode: code, regionName: code && (names.get(code) ?? null), inherited: r.regionPath !== own };
  });
}
