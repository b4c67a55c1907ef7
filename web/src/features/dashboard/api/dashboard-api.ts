import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { KpiBreakdown, KpiDrillDown, KpiFigures, PeriodKind } from '../../../api/contract-types.js';
import { buildUrl, http } from '../../../api/http-client.js';
import { cstDateOf } from '../../../../../src/core/deadline/cst.js';
import { type Period, previousPeriod } from '../../../../../src/core/kpi/period.js';

/** A region and period as GET /api/kpi takes them; the server fills the caller's jurisdiction and today (CST). */
export type KpiParams = {
  region?: string | undefined;
  period: PeriodKind | 'custom';
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};
export type Part = 'numerator' | 'denominator';
export type Breakdown = 'region' | 'categoryCode';

/** The filters a drill-down link carries (contract/kpi.ts KpiQueryFields), kept when it becomes a case list address. */
const DRILL_KEYS = ['region', 'period', 'date', 'from', 'to', 'kind', 'channel', 'complexity', 'categoryCode', 'unit'];

export const kpiKeys = { all: ['kpi'] as const };

export const figuresQuery = (q: KpiParams) =>
  queryOptions({
    queryKey: [...kpiKeys.all, 'figures', q],
    queryFn: ({ signal }) => http.get<KpiFigures>('/api/kpi', q, signal),
    placeholderData: keepPreviousData,
  });

export const breakdownQuery = (id: string, by: Breakdown, q: KpiParams) =>
  queryOptions({
    queryKey: [...kpiKeys.all, 'breakdown', id, by, q],
    queryFn: ({ signal }) => http.get<KpiBreakdown>(`/api/kpi/${id}/breakdown`, { ...q, by }, signal),
    placeholderData: keepPreviousData,
  });

export const drillDownQuery = (id: string, q: Record<string, string>) =>
  queryOptions({
    queryKey: [...kpiKeys.all, 'cases', id, q],
    queryFn: ({ signal }) => http.get<KpiDrillDown>(`/api/kpi/${id}/cases`, q, signal),
  });

/** The drill-down's workbook: the same cases, with the filter written on the sheet. */
export const drillDownWorkbookUrl = (id: string, q: Record<string, string>) =>
  buildUrl(`/api/kpi/${id}/cases/workbook`, q);

/**
 * The case list address that shows exactly a figure's cases: the server's drill-down link (which
 * reproduces the figure's region, period and filters) with the figure and the part named.
 */
export function casesLinkFor(drillDown: string, part: Part): string {
  const [path = '', search = ''] = drillDown.split('?');
  const params = new URLSearchParams(search);
  params.set('kpi', path.split('/')[3] ?? '');
  params.set('part', part);
  return `/cases?${params}`;
}

/** A case list address back into the figure and the drill-down query, or null when the list is not a figure's. */
export function drillDownOf(search: URLSearchParams): { id: string; part: Part; query: Record<string, string> } | null {
  const id = search.get('kpi');
  if (!id) return null;
  const part: Part = search.get('part') === 'numerator' ? 'numerator' : 'denominator';
  const query: Record<string, string> = { part };
  for (const key of DRILL_KEYS) {
    const value = search.get(key);
    if (value) query[key] = value;
  }
  return { id, part, query };
}

/** A period as the query asks for it: a day inside it, or a custom range's first and last days. */
export function paramsOf(p: Period, region: string | undefined): KpiParams {
  if (p.kind === 'custom')
    return { region, period: 'custom', from: cstDateOf(p.from), to: cstDateOf(new Date(p.to.getTime() - 1)) };
  return { region, period: p.kind, date: cstDateOf(p.from) };
}

/** The `count` periods ending with the given one (the server's answer), oldest first, for the trend. */
export function periodsBefore(current: { kind: string; from: string; to: string }, count: number): Period[] {
  let p: Period = { kind: current.kind as Period['kind'], from: new Date(current.from), to: new Date(current.to) };
  const periods = [p];
  for (let i = 1; i < count; i++) {
    p = previousPeriod(p);
    periods.unshift(p);
  }
  return periods;
}

/** The CST days a period covers, first and last, for labels ("2026-11-01 – 2026-11-30"). */
export function periodDays(p: { from: string | Date; to: string | Date }): [string, string] {
  const to = new Date(p.to);
  return [cstDateOf(new Date(p.from)), cstDateOf(new Date(to.getTime() - 1))];
}
