import { type Calendar, isWorkingDayNumber } from '../../core/deadline/calendar.js';
import { cstDayOfMs, isoDateOf } from '../../core/deadline/cst.js';
import { EXPORT_COLUMNS, type ExportColumn } from '../../core/kpi/export-format.js';
import type { Period } from '../../core/kpi/period.js';
import type { KpiQuery } from '../../contract/kpi.js';
import type { KpiSource } from '../../storage/kpi.repo.js';
import { type Ctx, writeAs } from '../context.js';
import { periodView } from './kpi-figures.js';
import { loadKpiInput } from './load-kpi-input.js';

type Line = Record<Exclude<ExportColumn, 'data'>, string | number | null> & { data: unknown };

const blank = { version: null, type: null, actor_unit_id: null, from_status: null, to_status: null, reason: null };

/**
 * What the export was taken over: the region, the period and the instant it was taken ("as of"), so a
 * recomputation counts nothing that happened after it. The first line of every export.
 */
function headerLine(region: { code: string }, period: Period, asOf: Date): Line {
  const data = { region: region.code, from: period.from.toISOString(), to: period.to.toISOString() };
  return { ...blank, record: 'export', case_id: null, type: period.kind, at: asOf.toISOString(), data };
}

/**
 * The calendar as the figures used it: one line per CST day from the earliest case's receipt to the
 * as-of day, `working` or `rest` (the handling-time figure counts working days only).
 */
function dayLines(source: KpiSource, calendar: Calendar, asOf: Date): Line[] {
  const received = source.histories.flatMap((h) => (h.events[0] ? [h.events[0].at.getTime()] : []));
  if (received.length === 0) return [];
  const lines: Line[] = [];
  const last = cstDayOfMs(asOf.getTime());
  for (let day = cstDayOfMs(Math.min(...received)); day <= last; day += 1) {
    const type = isWorkingDayNumber(calendar, day) ? 'working' : 'rest';
    lines.push({ ...blank, record: 'day', case_id: null, type, at: isoDateOf(day), data: null });
  }
  return lines;
}

/** One line per event, stage clock, card and extension request: everything the figures are computed from. */
function linesOf(source: KpiSource): Line[] {
  const lines: Line[] = [];
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
 * exactly what the figures of the same query are computed from, so anyone can recompute them. A bulk
 * export of case histories is audited (who took which region's history, when, how many lines).
 */
export async function exportKpiEvents(ctx: Ctx, q: KpiQuery & { format: 'ndjson' | 'csv' }) {
  const target = `kpi-export:${q.region ?? 'own'}`;
  return writeAs(ctx, 'kpi.read', 'kpi.export', target, async (trx) => {
    const { source, calendar, period, region, input } = await loadKpiInput(ctx, trx, q);
    const lines = [
      headerLine(region, period, input.asOf),
      ...dayLines(source, calendar, input.asOf),
      ...linesOf(source),
    ];
    const details = {
      period: periodView(period),
      format: q.format,
      cases: source.histories.length,
      lines: lines.length,
    };
    return { value: render(lines, q.format), target: `kpi-export:${region.code}`, details, regionPath: region.path };
  });
}

function render(lines: Line[], format: 'ndjson' | 'csv'): string {
  if (format === 'ndjson') return lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length ? '\n' : '');
  const rows = lines.map((l) => EXPORT_COLUMNS.map((c) => csvCell(l[c])).join(','));
  return [EXPORT_COLUMNS.join(','), ...rows].join('\r\n');
}
