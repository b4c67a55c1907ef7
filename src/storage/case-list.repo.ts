import { sql } from 'kysely';
import type { Tx } from './db.js';
import { inSubtree, likeEscape } from './like.js';
import { caseRegionName, readableRepeatOf } from './case-views.repo.js';
import { worstColour, type CardColour } from '../core/deadline/cards.js';
import type { CaseKind } from '../core/case/types.js';
import { clusterSize } from '../core/repeat/cluster.js';
import type { CaseSummary } from '../contract/cases.js';

export type CaseFilter = {
  scopePath: string;
  unitId: number;
  regionPath?: string;
  categoryPath?: string;
  status?: string;
  kind?: CaseKind;
  assignedUnit?: number;
  text?: string;
  receivedFrom?: Date;
  receivedTo?: Date;
  dueBefore?: Date;
  card?: CardColour;
  sentBack?: boolean;
  sort: 'received_desc' | 'received_asc' | 'updated_desc';
};

// The send-back count lives in the stored CaseState (the core counts it); reading it from the row
// already fetched costs nothing, and as a filter it narrows rows the status index has chosen.
const sentBacks = sql<number>`coalesce((c.state->'counters'->>'sendBacks')::int, 0)`;
// Cluster links point from the case that completed a burst to the earlier ones, keyed by case_id
// first in the primary key: a count per listed row is an index range, not a scan.
const clusterLinks = sql<number>`(SELECT count(*) FROM case_links l WHERE l.case_id = c.id AND l.kind = 'cluster')`;
// The case's standing for a worker's list: its next deadline and its worst active card. Stages and
// cards are keyed by case_id first, so each is an index range per listed row.
const nextDue = sql<
  Date | string | null
>`(SELECT min(st.due_at) FROM assignment_stages st WHERE st.case_id = c.id AND st.completed_at IS NULL)`;
// Whether that next deadline is provisional (counted into a year without an entered schedule).
const nextDueProvisional = sql<boolean | null>`(SELECT st.provisional FROM assignment_stages st
  WHERE st.case_id = c.id AND st.completed_at IS NULL AND st.due_at IS NOT NULL ORDER BY st.due_at LIMIT 1)`;
const activeCards = sql<
  CardColour[] | null
>`(SELECT array_agg(k.colour) FROM cards k WHERE k.case_id = c.id AND k.cleared_at IS NULL)`;

/** A filtered page of case summaries; the scope admits the jurisdiction and cases the unit holds. */
export async function listCaseRows(
  trx: Tx,
  f: CaseFilter,
  page: number,
  pageSize: number,
): Promise<{ items: CaseSummary[]; total: number }> {
  let q = trx
    .selectFrom('cases as c')
    .leftJoin('regions as r', 'r.code', 'c.region_code')
    .leftJoin('units as u', 'u.id', 'c.lead_unit_id')
    .leftJoin('regions as ur', 'ur.code', 'u.region_code')
    .where((eb) =>
      eb.or([
        inSubtree('c.region_path', f.scopePath),
        eb.exists(
          eb
            .selectFrom('assignments as a')
            .select('a.case_id')
            .whereRef('a.case_id', '=', 'c.id')
            .where('a.unit_id', '=', f.unitId),
        ),
      ]),
    );
  if (f.regionPath) q = q.where(inSubtree('c.region_path', f.regionPath));
  if (f.categoryPath)
    q = q.where('c.category_code', 'in', (eb) =>
      eb
        .selectFrom('categories')
        .select('code')
        .where('path', 'like', `${likeEscape(f.categoryPath!)}%`),
    );
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.assignedUnit)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments as a2')
          .select('a2.case_id')
          .whereRef('a2.case_id', '=', 'c.id')
          .where('a2.unit_id', '=', f.assignedUnit!),
      ),
    );
  if (f.text)
    q = q.where((eb) =>
      eb.or([
        eb('c.title', 'like', `%${likeEscape(f.text!)}%`),
        eb('c.description', 'like', `%${likeEscape(f.text!)}%`),
        eb('c.tracking_code', '=', f.text!.toUpperCase()),
      ]),
    );
  if (f.dueBefore) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignment_stages as st')
          .select('st.case_id')
          .whereRef('st.case_id', '=', 'c.id')
          .where('st.completed_at', 'is', null)
          .where('st.due_at', '<', f.dueBefore!),
      ),
    );
  }
  if (f.card) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('cards as k')
          .select('k.case_id')
          .whereRef('k.case_id', '=', 'c.id')
          .where('k.cleared_at', 'is', null)
          .where('k.colour', '=', f.card!),
      ),
    );
  }
  if (f.sentBack !== undefined)
    q = q.where(f.sentBack ? sql<boolean>`${sentBacks} > 0` : sql<boolean>`${sentBacks} = 0`);
  if (f.receivedFrom) q = q.where('c.received_at', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('c.received_at', '<', f.receivedTo);
  const order =
    f.sort === 'received_asc'
      ? sql`c.received_at ASC, c.id ASC`
      : f.sort === 'updated_desc'
        ? sql`c.updated_at DESC, c.id DESC`
        : sql`c.received_at DESC, c.id DESC`;
  const [rows, count] = await Promise.all([
    q
      .select([
        'c.id',
        'c.tracking_code',
        'c.kind',
        'c.channel',
        'c.complexity',
        'c.category_code',
        'c.region_code',
        caseRegionName.as('region_name'),
        'c.title',
        'c.status',
        'c.version',
        'c.lead_unit_id',
        'u.name as lead_name',
        'u.type_code as lead_type',
        'ur.level as lead_level',
        'c.received_at',
        'c.updated_at',
        readableRepeatOf.as('repeat_of'),
        sentBacks.as('sent_backs'),
        clusterLinks.as('cluster_links'),
        nextDue.as('next_due'),
        nextDueProvisional.as('next_due_provisional'),
        activeCards.as('active_cards'),
      ])
      .orderBy(order)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      trackingCode: r.tracking_code,
      kind: r.kind as CaseSummary['kind'],
      channel: r.channel as CaseSummary['channel'],
      complexity: r.complexity as CaseSummary['complexity'],
      categoryCode: r.category_code,
      regionCode: r.region_code,
      regionName: r.region_name,
      title: r.title,
      status: r.status as CaseSummary['status'],
      version: Number(r.version),
      leadUnit: r.lead_unit_id
        ? {
            id: Number(r.lead_unit_id),
            name: r.lead_name ?? '',
            level: Number(r.lead_level ?? 0),
            typeCode: r.lead_type ?? '',
          }
        : null,
      receivedAt: new Date(r.received_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
      repeatOf: r.repeat_of === null ? null : Number(r.repeat_of),
      sentBackCount: Number(r.sent_backs),
      clusterSize: clusterSize(Number(r.cluster_links)),
      dueAt: r.next_due === null ? null : new Date(r.next_due).toISOString(),
      provisional: r.next_due_provisional === true,
      card: worstColour(r.active_cards ?? []),
    })),
  };
}

/** An open petition that may be on the backlog board (信访积案). */
export type BacklogPetition = {
  id: number;
  trackingCode: string;
  title: string;
  status: string;
  receivedAt: Date;
  difficult: boolean;
};

/**
 * Open petitions under a path received at or before `receivedBy`, or marked difficult, oldest first:
 * the only ones that can have a backlog colour.
 */
export async function backlogPetitions(
  trx: Tx,
  path: string,
  receivedBy: Date,
  limit: number,
): Promise<BacklogPetition[]> {
  const rows = await trx
    .selectFrom('cases')
    .select(['id', 'tracking_code', 'title', 'status', 'received_at', 'difficult'])
    .where('kind', '=', 'petition')
    .where(inSubtree('region_path', path))
    .where('status', 'not in', ['resolved', 'evaluated', 'closed', 'merged'])
    .where((eb) => eb.or([eb('received_at', '<=', receivedBy), eb('difficult', '=', true)]))
    .orderBy('received_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    trackingCode: r.tracking_code,
    title: r.title,
    status: r.status,
    receivedAt: new Date(r.received_at),
    difficult: r.difficult,
  }));
}
