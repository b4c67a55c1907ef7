import type { Deps } from '../deps.js';
import type { PublicCaseView, UrgeInput } from '../../contract/public.js';
import { reviveState } from '../../core/case/index.js';
import { DomainError } from '../../core/errors.js';
import { cstDateOf, DAY_MS, startOfCstDay } from '../../core/deadline/cst.js';
import { systemScope } from '../../storage/db.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { insertUrge } from '../../storage/public-cases.repo.js';
import type { PublicGuards } from './public-guards.js';
import { findResidentCase } from './resident-lookup.js';
import { publicView } from './public-view.js';
import { PUBLIC_ACTOR } from './public-actor.js';
import { URGEABLE } from './public-words.js';

/**
 * A resident urges (催办) a case still being handled: once per case per China Standard Time day.
 * The urge is stored against the unit holding the case, which sees the count; a second urge the
 * same day answers 429 with the seconds until midnight CST.
 */
export async function urgeCase(
  deps: Deps,
  guards: PublicGuards,
  ip: string,
  input: UrgeInput,
  requestId: string | null,
): Promise<PublicCaseView> {
  const row = await findResidentCase(deps, guards, ip, input);
  const now = deps.clock.now();
  const state = reviveState(row.state);
  if (!URGEABLE.includes(state.status))
    throw new DomainError('InvalidTransition', 'this case is no longer being handled, so it cannot be urged', {
      status: state.status,
    });
  const today = cstDateOf(now);
  const unitId =
    state.assignments.find((a) => a.role === 'lead' && (a.state === 'open' || a.state === 'signed'))?.unitId ??
    state.centre.unitId;
  return deps.db.tx(systemScope, async (trx) => {
    const fresh = await insertUrge(trx, {
      caseId: Number(row.id),
      urgedOn: today,
      at: now,
      note: input.note ?? null,
      unitId,
      regionPath: row.region_path,
    });
    if (!fresh) {
      const retryAfterSeconds = Math.ceil((startOfCstDay(today).getTime() + DAY_MS - now.getTime()) / 1000);
      throw new DomainError('TooManyAttempts', 'this case was already urged today; you may urge it again tomorrow', {
        retryAfterSeconds,
      });
    }
    await appendAudit(trx, {
      at: now,
      actorId: null,
      actorName: PUBLIC_ACTOR,
      action: 'case.urge',
      target: `case:${row.id}`,
      outcome: 'ok',
      requestId,
      details: { unitId, day: today },
      regionPath: row.region_path,
    });
    return publicView(trx, row, now);
  });
}
