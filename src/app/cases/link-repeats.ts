import type { Db, Tx } from '../../storage/db.js';
import { systemScope } from '../../storage/db.js';
import { bestMatch, repeatRules, similarity } from '../../core/repeat/similarity.js';
import { casesSharingParty } from '../../storage/parties.repo.js';
import { enqueue } from '../../storage/outbox.repo.js';
import { inSubtree } from '../../storage/like.js';

const DAY = 86_400_000;

export type Related = {
  repeatOf: { id: number; score: number } | null;
  cluster: { ids: number[]; townshipPath: string; recipients: number[] } | null;
};

/**
 * Finds what a new case repeats (重访: a case of the last 90 days in the same county whose party
 * shares a phone or ID number and whose text is similar) and whether it completes a burst of
 * similar cases in one township within 7 days (一件事). Read with the system's scope: the earlier
 * cases may lie outside the submitter's own grid. Matching uses only the parties' own contact data.
 */
export async function findRelated(
  db: Db,
  c: { regionPath: string; text: string; hashes: string[]; at: Date },
): Promise<Related> {
  const parts = c.regionPath.split('/').filter(Boolean);
  const countyPath = parts.length >= 3 ? `${parts.slice(0, 3).join('/')}/` : c.regionPath;
  const townshipPath = parts.length >= 4 ? `${parts.slice(0, 4).join('/')}/` : null;
  return db.tx(systemScope, async (trx) => {
    const sharing = await casesSharingParty(
      trx,
      c.hashes,
      countyPath,
      new Date(c.at.getTime() - repeatRules.windowDays * DAY),
      0,
    );
    const repeat = bestMatch(
      c.text,
      sharing.map((s) => ({ id: Number(s.id), text: `${s.title} ${s.description}` })),
      repeatRules.minSimilarity,
    );
    let cluster: Related['cluster'] = null;
    if (townshipPath) {
      const recent = await trx
        .selectFrom('cases')
        .select(['id', 'title', 'description'])
        .where(inSubtree('region_path', townshipPath))
        .where('received_at', '>=', new Date(c.at.getTime() - repeatRules.clusterWindowDays * DAY))
        .orderBy('received_at', 'desc')
        .limit(500)
        .execute();
      const similar = recent
        .filter((r) => similarity(c.text, `${r.title} ${r.description}`) >= repeatRules.clusterMinSimilarity)
        .map((r) => Number(r.id));
      // The new case itself makes the count up to the threshold.
      if (similar.length + 1 >= repeatRules.clusterMinCases)
        cluster = { ids: similar, townshipPath, recipients: await centreStaff(trx, parts[3]!) };
    }
    return { repeatOf: repeat ? { id: repeat.id, score: repeat.score } : null, cluster };
  });
}

/** The dispatchers and leaders of a township's service centre: who hears of a cluster there. */
async function centreStaff(trx: Tx, townshipCode: string): Promise<number[]> {
  const rows = await trx
    .selectFrom('users as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select('s.id')
    .where('u.region_code', '=', townshipCode)
    .where('u.type_code', '=', 'service_centre')
    .where('s.disabled', '=', false)
    .where((eb) =>
      eb.or([eb(eb.val('dispatcher'), '=', eb.fn.any('s.roles')), eb(eb.val('leader'), '=', eb.fn.any('s.roles'))]),
    )
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Records the links found for a new case, in the intake's transaction. */
export async function saveLinks(
  trx: Tx,
  caseId: number,
  regionPath: string,
  related: Related,
  at: Date,
): Promise<void> {
  const rows = [
    ...(related.repeatOf
      ? [{ related_id: related.repeatOf.id, kind: 'repeat' as const, score: related.repeatOf.score }]
      : []),
    ...(related.cluster?.ids ?? []).map((id) => ({ related_id: id, kind: 'cluster' as const, score: null })),
  ];
  if (rows.length === 0) return;
  await trx
    .insertInto('case_links')
    .values(rows.map((r) => ({ ...r, case_id: caseId, region_path: regionPath, created_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  if (related.repeatOf)
    await trx.updateTable('cases').set({ repeat_of: related.repeatOf.id }).where('id', '=', caseId).execute();
  if (related.cluster) {
    // A burst of similar cases in one township (一件事): the township centre hears of it once per new case.
    await enqueue(
      trx,
      [
        {
          topic: 'case.cluster',
          idempotencyKey: `cluster:${caseId}`,
          payload: {
            caseId,
            related: related.cluster.ids,
            townshipPath: related.cluster.townshipPath,
            recipients: related.cluster.recipients,
          },
        },
      ],
      at,
    );
  }
}
