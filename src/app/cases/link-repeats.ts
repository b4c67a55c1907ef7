import type { Db, Tx } from '../../storage/db.js';
import { systemScope } from '../../storage/db.js';
import { bestMatch, repeatRules, similarity } from '../../core/repeat/similarity.js';
import { casesSharingParty } from '../../storage/parties.repo.js';
import { enqueue } from '../../storage/outbox.repo.js';
import { setRepeatOf } from '../../storage/cases.repo.js';
import { casesReceivedUnder, insertCaseLinks, type NewCaseLink } from '../../storage/case-links.repo.js';
import { serviceCentreStaff } from '../../storage/users.repo.js';

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
      const since = new Date(c.at.getTime() - repeatRules.clusterWindowDays * DAY);
      const recent = await casesReceivedUnder(trx, townshipPath, since, 500);
      const similar = recent
        .filter((r) => similarity(c.text, `${r.title} ${r.description}`) >= repeatRules.clusterMinSimilarity)
        .map((r) => r.id);
      // The new case itself makes the count up to the threshold; the township centre's dispatchers
      // and leaders hear of it.
      if (similar.length + 1 >= repeatRules.clusterMinCases)
        cluster = {
          ids: similar,
          townshipPath,
          recipients: await serviceCentreStaff(trx, parts[3]!, ['dispatcher', 'leader']),
        };
    }
    return { repeatOf: repeat ? { id: repeat.id, score: repeat.score } : null, cluster };
  });
}

/** Records the links found for a new case, in the intake's transaction. */
export async function saveLinks(
  trx: Tx,
  caseId: number,
  regionPath: string,
  related: Related,
  at: Date,
): Promise<void> {
  const links: NewCaseLink[] = [
    ...(related.repeatOf
      ? [{ relatedId: related.repeatOf.id, kind: 'repeat' as const, score: related.repeatOf.score }]
      : []),
    ...(related.cluster?.ids ?? []).map((id) => ({ relatedId: id, kind: 'cluster' as const, score: null })),
  ];
  if (links.length === 0) return;
  await insertCaseLinks(trx, caseId, regionPath, links, at);
  if (related.repeatOf) await setRepeatOf(trx, caseId, related.repeatOf.id);
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
          regionPath,
        },
      ],
      at,
    );
  }
}
