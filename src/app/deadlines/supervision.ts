import type { Ctx } from '../context.js';
import { readAs } from '../context.js';
import type { Card } from '../../contract/deadlines.js';
import { covers } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import { ageInDays, backlogColour, type BacklogColour } from '../../core/deadline/backlog.js';
import { regionPathOf } from '../regions/region-path-of.js';
import { backlogRulesAt, loadPolicies } from './load-policies.js';
import { boardCards } from '../../storage/cards.repo.js';
import { backlogPetitions } from '../../storage/case-list.repo.js';

/**
 * The supervision board (督办): cards whose supervising level lies in the caller's jurisdiction (or
 * under one region of it), active by default; a red card sits on the parent level's board.
 */
export async function listCards(
  ctx: Ctx,
  q: { colour?: string; region?: string; active?: 'true' | 'false'; limit: number },
) {
  return readAs(ctx, 'supervision.read', 'supervision-cards', async (trx) => {
    const path = q.region ? await regionPathOf(trx, q.region) : ctx.actor.scopePath;
    if (!covers(ctx.actor, path)) throw notFound('region', q.region ?? '');
    return boardCards(trx, {
      path,
      colour: q.colour as Card['colour'] | undefined,
      active: q.active !== 'false',
      limit: q.limit,
    });
  });
}

/** The petition backlog board (信访积案 红黄绿): open petitions in the jurisdiction with their colour, oldest first. */
export async function backlogBoard(ctx: Ctx, q: { region?: string; limit: number }) {
  return readAs(ctx, 'supervision.read', 'backlog', async (trx) => {
    const path = q.region ? await regionPathOf(trx, q.region) : ctx.actor.scopePath;
    if (!covers(ctx.actor, path)) throw notFound('region', q.region ?? '');
    // A board's thresholds are those of its region (a county's override holds for its whole board).
    const backlogRules = backlogRulesAt(await loadPolicies(trx), path);
    const now = ctx.deps.clock.now();
    // Only petitions older than the first threshold can be on the board, unless marked difficult.
    const youngest = new Date(now.getTime() - Math.max(0, backlogRules.greenFromDays - 1) * 86_400_000);
    const rows = await backlogPetitions(trx, path, youngest, q.limit);
    const items = rows.flatMap((r) => {
      const colour = backlogColour({ receivedAt: r.receivedAt, difficult: r.difficult }, now, backlogRules);
      return colour
        ? [
            {
              caseId: r.id,
              trackingCode: r.trackingCode,
              title: r.title,
              status: r.status,
              receivedAt: r.receivedAt.toISOString(),
              ageDays: ageInDays(r.receivedAt, now),
              difficult: r.difficult,
              colour,
            },
          ]
        : [];
    });
    const count = (c: BacklogColour) => items.filter((i) => i.colour === c).length;
    return { items, counts: { green: count('green'), yellow: count('yellow'), red: count('red') } };
  });
}
