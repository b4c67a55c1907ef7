import type { KpiQuery } from '../../contract/kpi.js';
import type { KpiSource } from '../../storage/kpi.repo.js';
import { type Ctx, readAs } from '../context.js';
import { loadKpiInput } from './load-kpi-input.js';

/** The columns of the CSV export, in order; docs/kpi.md describes them. */
export const EXPORT_COLUMNS = [
  'record',
  'case_id',
  'version',
  'type',
  'at',
  'actor_unit_id',
  'from_status',
  'to_status',
  'reason',
  'data',
] as const;
type Line = Record<Exclude<(typeof EXPORT_COLUMNS)[number], 'data'>, string | number | null> & { data: unknown };

/** One line per event, stage clock, card and extension request: everything the figures are computed from. */
function linesOf(source: KpiSource): Line[] {
  const lines: Line[] = [];
  const blank = { version: null, type: null, actor_unit_id: null, from_status: null, to_status: null, reason: null };
  for (const h of source.histories) {
    const caseId = h.events[0]?.type === 'received' ? h.events[0].data.id : 0;
    lines.push({ ...blank, record: 'case', case_id: caseId, at: null, data: { repeatOf: h.repeatOf } });
    for (const e of h.events) {
      const { type, at, version, actorUnitId, fromStatus, toStatus, reason, data } = e;
      lines.push({
        record: 'event',
        case_id: caseId,
        version,
        type,
        at: at.toISOString(),
        actor_unit_id: actorUnitId,
        from_status: fromStatus,
        to_status: toStatus,
        reason: reason ?? null,
        data,
      });
    }
  }
  for (const s of source.stages)
    lines.push({ ...blank, record: 'stage', case_id: s.caseId, type: s.stage, at: s.startAt.toISOString(), data: s });
  for (const c of source.cards)
    lines.push({ ...blank, record: 'card', case_id: c.caseId, type: c.colour, at: c.issuedAt.toISOString(), data: c });
  for (const x of source.extensions)
    lines.push({
      ...blank,
      record: 'extension',
      case_id: x.caseId,
      at: x.decidedAt?.toISOString() ?? null,
      data: x,
    });
  return lines;
}

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * The jurisdiction's case events for a period (the cases registered up to its end, with their whole
 * history as of now) and the stage clocks, cards and extension requests beside them, as NDJSON or CSV:
 * exactly what the figures of the same query are computed from, so anyone can recompute them.
 */
export async function exportKpiEvents(ctx: Ctx, q: KpiQuery & { format: 'ndjson' | 'csv' }) {
  return readAs(ctx, 'kpi.read', `kpi-export:${q.region ?? 'own'}`, async (trx) => {
    const { source } = await loadKpiInput(ctx, trx, q);
    const lines = linesOf(source);
    if (q.format === 'ndjson') return lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length ? '\n' : '');
    return [EXPORT_COLUMNS.join(','), ...lines.map((l) => EXPORT_COLUMNS.map((c) => csvCell(l[c])).join(','))].join(
      '\r\n',
    );
  });
}
