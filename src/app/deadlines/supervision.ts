import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { readAs } from '../context.js';
import type { Card } from '../../contract/deadlines.js';
import { covers } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import { ageInDays, backlogColour, type BacklogColour } from '../../core/deadline/backlog.js';
import { regionPathOf } from '../regions/region-path-of.js';
import { loadPolicies } from './load-policies.js';
import { inSubtree } from '../../storage/like.js';

const lastCode = (path: string) => path.split('/').filter(Boolean).pop() ?? '';

/**
 * The supervision board (督办): cards whose supervising level lies in the caller's jurisdiction (or
 * under one region of it), active by default; a red card sits on the parent level's board.
 */
export async function listCards(ctx: Ctx, q: { colour?: string; region?: string; active?: 'true' | 'false'; limit: number }) {
  return readAs(ctx, 'supervision.read', 'supervision-cards', async (trx) => {
    const path = q.region ? await regionPathOf(trx, q.region) : ctx.actor.scopePath;
    if (!covers(ctx.actor, path)) throw notFound('region', q.region ?? '');
    let base = trx.selectFrom('cards').where(inSubtree('supervisor_region_path', path));
    base = q.active === 'false' ? base.where('cleared_at', 'is not', null) : base.where('cleared_at', 'is', null);
    const rows = await (q.colour ? base.where('colour', '=', q.colour as Card['colour']) : base).selectAll()
      .orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    const counts = await base.select(['colour', sql<number>`count(*)`.as('n')]).groupBy('colour').execute();
    const items: Card[] = rows.map((r) => ({
      id: Number(r.id), caseId: Number(r.case_id), seq: r.seq, stage: r.stage as Card['stage'], colour: r.colour,
      issuedAt: new Date(r.issued_at).toISOString(), dueAt: new Date(r.due_at).toISOString(), unitId: Number(r.unit_id),
      supervisorLevel: r.supervisor_level, supervisorRegionCode: lastCode(r.supervisor_region_path),
      clearedAt: r.cleared_at ? new Date(r.cleared_at).toISOString() : null,
    }));
    const count = (c: string) => Number(counts.find((x) => x.colour === c)?.n ?? 0);
    return { items, counts: { blue: count('blue'), yellow: count('yellow'), red: count('red') } };
  });
}

/** The petition backlog board (信访积案 红黄绿): open petitions in the jurisdiction with their colour, oldest first. */
export async function backlogBoard(ctx: Ctx, q: { region?: string; limit: number }) {
  return readAs(ctx, 'supervision.read', 'backlog', async (trx) => {
    const path = q.region ? await regionPathOf(trx, q.region) : ctx.actor.scopePath;
    if (!covers(ctx.actor, path)) throw notFound('region', q.region ?? '');
    const { backlogRules } = await loadPolicies(trx);
    const now = ctx.deps.clock.now();
    // Only petitions older than the first threshold can be on the board, unless marked difficult.
    const youngest = new Date(now.getTime() - Math.max(0, backlogRules.greenFromDays - 1) * 86_400_000);
    const rows = await trx.selectFrom('cases').select(['id', 'tracking_code', 'title', 'status', 'received_at', 'difficult'])
      .where('kind', '=', 'petition').where(inSubtree('region_path', path))
      .where('status', 'not in', ['resolved', 'evaluated', 'closed', 'merged'])
      .where((eb) => eb.or([eb('received_at', '<=', youngest), eb('difficult', '=', true)]))
      .orderBy('received_at').limit(q.limit).execute();
    const items = rows.flatMap((r) => {
      const colour = backlogColour({ receivedAt: r.received_at, difficult: r.difficult }, now, backlogRules);
      return colour ? [{
        caseId: Number(r.id), trackingCode: r.tracking_code, title: r.title, status: r.status, receivedAt: new Date(r.received_at).toISOString(),
        ageDays: ageInDays(r.received_at, now), difficult: r.difficult, colour,
      }] : [];
    });
    const count = (c: BacklogColour) => items.filter((i) => i.colour === c).length;
    return { items, counts: { green: count('green'), yellow: count('yellow'), red: count('red') } };
  });
}
