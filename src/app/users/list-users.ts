import type { Ctx } from '../context.js';
import { readAs } from '../context.js';
import type { User } from '../../contract/users.js';
import type { Role } from '../../contract/common.js';
import { notFound } from '../../core/errors.js';
import { getUser, listUsers as listUserRows } from '../../storage/users.repo.js';
import { covers } from '../../core/auth/actor.js';
import { regionPathOf } from '../regions/region-path-of.js';

type Query = { page: number; pageSize: number; unit?: number; role?: Role; q?: string; region?: string };

/** Accounts in the caller's jurisdiction, filtered and paged. */
export async function listUsers(
  ctx: Ctx,
  query: Query,
): Promise<{ items: User[]; total: number; page: number; pageSize: number }> {
  return readAs(ctx, 'user.read', 'users', async (trx) => {
    // Filter by jurisdiction here; row-level security repeats the same rule underneath.
    const scopePath = query.region ? await regionPathOf(trx, query.region) : ctx.actor.scopePath;
    if (!covers(ctx.actor, scopePath)) throw notFound('region', query.region ?? '');
    const r = await listUserRows(
      trx,
      { unitId: query.unit, role: query.role, q: query.q, scopePath },
      query.page,
      query.pageSize,
    );
    return {
      items: r.items.map(({ scopePath: _, ...u }) => u),
      total: r.total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

/** One account, if it lies in the caller's jurisdiction; otherwise NotFound, as if it did not exist. */
export async function getUserById(ctx: Ctx, id: number): Promise<User> {
  return readAs(ctx, 'user.read', `user:${id}`, async (trx) => {
    const u = await getUser(trx, id);
    if (!u || !covers(ctx.actor, u.scopePath)) throw notFound('user', id);
    const { scopePath: _, ...shown } = u;
    return shown;
  });
}
