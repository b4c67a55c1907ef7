import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { CaseDetail, Party } from '../../contract/cases.js';
import { notFound } from '../../core/errors.js';
import { caseRegionPath } from '../../storage/cases.repo.js';
import { partiesOf } from '../../storage/parties.repo.js';
import { caseDetail, presentParty } from './case-detail.js';

/** One case with its timeline, masked parties and the caller's available actions. */
export async function getCase(ctx: Ctx, id: number): Promise<CaseDetail> {
  return readAs(ctx, 'case.read', `case:${id}`, (trx) => caseDetail(trx, ctx, id));
}

/**
 * The parties' full contact data, for a role that may see it and a stated reason. The reveal is a
 * write in the audit sense: the record names who looked, at which case, and why.
 */
export async function revealParties(ctx: Ctx, id: number, reason: string): Promise<Party[]> {
  return writeAs(ctx, 'party.reveal', 'case.parties.reveal', `case:${id}`, async (trx) => {
    const regionPath = await caseRegionPath(trx, id);
    if (regionPath === undefined) throw notFound('case', id);
    const parties = await partiesOf(trx, id);
    return {
      value: parties.map((p) => presentParty(p, ctx.deps.crypto, true)),
      details: { reason, parties: parties.map((p) => p.id) },
      regionPath,
    };
  });
}
