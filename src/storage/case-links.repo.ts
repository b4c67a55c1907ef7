import type { Tx } from './db.js';
import { inSubtree } from './like.js';

/** Links between cases (重访 repeat, 一件事 cluster, merged) and the candidates repeat detection reads. */

export type NewCaseLink = { relatedId: number; kind: 'repeat' | 'cluster' | 'merged'; score: number | null };

/** Records links from a case; a link already recorded stays as it is. */
export async function insertCaseLinks(
  trx: Tx,
  caseId: number,
  regionPath: string,
  links: readonly NewCaseLink[],
  at: Date,
): Promise<void> {
  if (links.length === 0) return;
  await trx
    .insertInto('case_links')
    .values(
      links.map((l) => ({
        case_id: caseId,
        related_id: l.relatedId,
        kind: l.kind,
        score: l.score,
        region_path: regionPath,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The cases received under a region path since an instant, newest first, at most `limit`. */
export async function casesReceivedUnder(
  trx: Tx,
  path: string,
  since: Date,
  limit: number,
): Promise<{ id: number; title: string; description: string }[]> {
  const rows = await trx
    .selectFrom('cases')
    .select(['id', 'title', 'description'])
    .where(inSubtree('region_path', path))
    .where('received_at', '>=', since)
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), title: r.title, description: r.description }));
}
