import type { CaseEvent } from '../core/case/index.js';
import type { CardFact, ExtensionFact, StageFact } from '../core/kpi/inputs.js';
import { eventFromRow } from './cases.repo.js';
import type { Tx } from './db.js';
import { inSubtree } from './like.js';
import type { Schema } from './schema.js';
import type { SelectQueryBuilder } from 'kysely';

/** What the KPI figures of a jurisdiction are computed from. */
export type KpiSource = {
  histories: { events: CaseEvent[]; repeatOf: number | null }[];
  stages: StageFact[];
  cards: CardFact[];
  extensions: ExtensionFact[];
};

/**
 * Every case registered in the subtree before `until`, with its events up to `asOf`, its stage clocks,
 * cards and extension requests. The subtree is the case's own region: a case a unit holds elsewhere
 * counts where it was registered, so a figure and its parent's agree.
 */
export async function kpiSource(trx: Tx, path: string, until: Date, asOf: Date): Promise<KpiSource> {
  const cases = trx
    .selectFrom('cases')
    .select('id')
    .where(inSubtree('region_path', path))
    .where('received_at', '<', until);
  return sourceOf(trx, cases, asOf);
}

/** The same for the given cases (the rollup's refresh after a change, and its rebuild). */
export async function kpiSourceOfCases(trx: Tx, ids: readonly number[], asOf: Date): Promise<KpiSource> {
  if (ids.length === 0) return { histories: [], stages: [], cards: [], extensions: [] };
  return sourceOf(trx, ids, asOf);
}

async function sourceOf(
  trx: Tx,
  cases: readonly number[] | SelectQueryBuilder<Schema, 'cases', { id: number }>,
  asOf: Date,
): Promise<KpiSource> {
  const [rows, repeats, stages, cards, extensions] = await Promise.all([
    trx
      .selectFrom('case_events')
      .selectAll()
      .where('case_id', 'in', cases)
      .where('at', '<', asOf)
      .orderBy('case_id')
      .orderBy('version')
      .execute(),
    trx.selectFrom('cases').select(['id', 'repeat_of']).where('id', 'in', cases).execute(),
    trx
      .selectFrom('assignment_stages')
      .select(['case_id', 'seq', 'stage', 'unit_id', 'start_at', 'due_at', 'completed_at'])
      .where('case_id', 'in', cases)
      .orderBy('case_id')
      .orderBy('start_at')
      .execute(),
    trx
      .selectFrom('cards')
      .select(['case_id', 'seq', 'colour', 'issued_at'])
      .where('case_id', 'in', cases)
      .where('issued_at', '<', asOf)
      .execute(),
    trx
      .selectFrom('extension_requests as x')
      .leftJoin('users as d', 'd.id', 'x.decided_by')
      .select(['x.case_id', 'x.unit_id', 'x.status', 'x.decided_at', 'd.unit_id as decider_unit_id'])
      .where('x.case_id', 'in', cases)
      .execute(),
  ]);
  const repeatOf = new Map(repeats.map((r) => [Number(r.id), r.repeat_of === null ? null : Number(r.repeat_of)]));
  const byCase = new Map<number, CaseEvent[]>();
  for (const r of rows) {
    const id = Number(r.case_id);
    if (!byCase.has(id)) byCase.set(id, []);
    byCase.get(id)!.push(eventFromRow(r));
  }
  return {
    histories: [...byCase].map(([id, events]) => ({ events, repeatOf: repeatOf.get(id) ?? null })),
    stages: stages.map((s) => ({
      caseId: Number(s.case_id),
      seq: Number(s.seq),
      stage: s.stage as StageFact['stage'],
      unitId: Number(s.unit_id),
      startAt: new Date(s.start_at),
      dueAt: s.due_at ? new Date(s.due_at) : null,
      // A stage completed after the moment the figures are taken was still running then.
      completedAt: s.completed_at && new Date(s.completed_at) < asOf ? new Date(s.completed_at) : null,
    })),
    cards: cards.map((c) => ({
      caseId: Number(c.case_id),
      seq: Number(c.seq),
      colour: c.colour,
      issuedAt: new Date(c.issued_at),
    })),
    extensions: extensions.map((x) => {
      const decidedAt = x.decided_at && new Date(x.decided_at) < asOf ? new Date(x.decided_at) : null;
      return {
        caseId: Number(x.case_id),
        requestingUnitId: Number(x.unit_id),
        decidedAt,
        approved: decidedAt !== null && x.status === 'approved',
        deciderUnitId: x.decider_unit_id === null ? null : Number(x.decider_unit_id),
      };
    }),
  };
}

/** The cases behind a drill-down, in the given order, as the case list shows them. */
export async function caseBriefs(trx: Tx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('cases')
    .select(['id', 'tracking_code', 'title', 'kind', 'status', 'region_code', 'received_at'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [
          {
            id,
            trackingCode: r.tracking_code,
            title: r.title,
            kind: r.kind,
            status: r.status,
            regionCode: r.region_code,
            receivedAt: new Date(r.received_at).toISOString(),
          },
        ]
      : [];
  });
}
