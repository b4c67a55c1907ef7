import type { Ctx } from '../context.js';
import type { Me } from '../../contract/auth.js';
import { systemScope } from '../../storage/db.js';
import { getUnit } from '../../storage/units.repo.js';
import { regionsByCodes } from '../../storage/region-tree.repo.js';
import { notFound } from '../../core/errors.js';

/**
 * The signed-in user with unit and jurisdiction. The breadcrumb names the ancestors of the
 * jurisdiction, which lie outside it, so it is read with the system's scope for these few rows only.
 */
export async function getMe(ctx: Ctx): Promise<Me> {
  const codes = ctx.actor.scopePath.split('/').filter(Boolean);
  return ctx.deps.db.tx(systemScope, async (trx) => {
    const unit = await getUnit(trx, ctx.actor.unitId);
    if (!unit) throw notFound('unit', ctx.actor.unitId);
    const regions = await regionsByCodes(trx, codes);
    const own = regions[regions.length - 1];
    if (!own) throw notFound('region', codes.at(-1) ?? '');
    const breadcrumb = regions.map((r) => ({ code: r.code, name: r.name, level: r.level }));
    return {
      id: ctx.actor.userId,
      username: ctx.actor.username,
      displayName: ctx.actor.displayName,
      roles: ctx.actor.roles,
      unit: { id: unit.id, name: unit.name, typeCode: unit.typeCode, regionCode: unit.regionCode },
      jurisdiction: { code: own.code, name: own.name, level: own.level, path: ctx.actor.scopePath, breadcrumb },
    };
  });
}
