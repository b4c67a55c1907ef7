import type { Ctx } from '../context.js';
import type { Me } from '../../contract/auth.js';
import { systemScope } from '../../storage/db.js';
import { notFound } from '../../core/errors.js';

/**
 * The signed-in user with unit and jurisdiction. The breadcrumb names the ancestors of the
 * jurisdiction, which lie outside it, so it is read with the system's scope for these few rows only.
 */
export async function getMe(ctx: Ctx): Promise<Me> {
  const codes = ctx.actor.scopePath.split('/').filter(Boolean);
  return ctx.deps.db.tx(systemScope, async (trx) => {
    const unit = await trx
      .selectFrom('units')
      .select(['id', 'name', 'type_code', 'region_code'])
      .where('id', '=', ctx.actor.unitId)
      .executeTakeFirst();
    if (!unit) throw notFound('unit', ctx.actor.unitId);
    const regions = await trx
      .selectFrom('regions')
      .select(['code', 'name', 'level'])
      .where('code', 'in', codes)
      .orderBy('level')
      .execute();
    const own = regions[regions.length - 1];
    if (!own) throw notFound('region', codes.at(-1) ?? '');
    const breadcrumb = regions.map((r) => ({ code: r.code, name: r.name, level: Number(r.level) }));
    return {
      id: ctx.actor.userId,
      username: ctx.actor.username,
      displayName: ctx.actor.displayName,
      roles: ctx.actor.roles,
      unit: { id: Number(unit.id), name: unit.name, typeCode: unit.type_code, regionCode: unit.region_code },
      jurisdiction: { code: own.code, name: own.name, level: Number(own.level), path: ctx.actor.scopePath, breadcrumb },
    };
  });
}
