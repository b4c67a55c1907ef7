import ExcelJS from 'exceljs';
import type { KpiQuery } from '../../contract/kpi.js';
import type { Ctx } from '../context.js';
import { kpiBreakdown } from './kpi-breakdown.js';
import { kpiDrillDown, kpiFigures } from './kpi-figures.js';

export const PERCENT = '0.0%';
export const STATUS_ZH: Record<string, string> = {
  received: '受理登记',
  dispatched: '分流交办',
  signed: '签收',
  in_progress: '办理中',
  suspended: '中止',
  resolved: '办结',
  evaluated: '已评价',
  closed: '归档',
  merged: '已合并',
};

/** The filter that produced a sheet, written above its table so a printed page says what it shows. */
export function writeFilter(
  sheet: ExcelJS.Worksheet,
  title: string,
  q: KpiQuery,
  period: { from: string; to: string },
  asOf?: string,
) {
  const cst = (iso: string) =>
    new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    title,
    `区域 ${q.region ?? '本辖区'} · 期间 ${cst(period.from)} 至 ${cst(period.to)}（北京时间，不含结束时刻）`,
    `筛选 ${[q.kind, q.channel, q.complexity, q.categoryCode, q.unit && `单位 ${q.unit}`].filter(Boolean).join(' · ') || '无'}${asOf ? ` · 统计时点 ${cst(asOf)}` : ''}`,
  ];
  for (const [i, text] of lines.entries()) {
    sheet.getCell(i + 1, 1).value = text;
    if (i === 0) sheet.getCell(1, 1).font = { bold: true, size: 14 };
  }
  return lines.length + 2;
}

/** A header row in bold, frozen with the filter lines above it, and an auto-filter over the table. */
export function table(
  sheet: ExcelJS.Worksheet,
  top: number,
  headers: string[],
  rows: unknown[][],
  formats: Record<number, string> = {},
) {
  sheet.getRow(top).values = headers;
  sheet.getRow(top).font = { bold: true };
  rows.forEach((r, i) => {
    sheet.getRow(top + 1 + i).values = r as ExcelJS.CellValue[];
  });
  for (const [col, fmt] of Object.entries(formats)) sheet.getColumn(Number(col)).numFmt = fmt;
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.max(10, Math.min(40, h.length * 2 + 6));
  });
  sheet.views = [{ state: 'frozen', ySplit: top }];
  sheet.autoFilter = {
    from: { row: top, column: 1 },
    to: { row: top + Math.max(rows.length, 1), column: headers.length },
  };
}

/** Excel has no time zones: a date cell shows the CST wall time of the instant. */
export const cstWall = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000);

const valueCell = (kind: string, v: number | null) => (v === null ? '' : kind === 'mean' ? Math.round(v * 10) / 10 : v);

type Figures = Awaited<ReturnType<typeof kpiFigures>>;
type Ranking = Awaited<ReturnType<typeof kpiBreakdown>>;

const change = (kind: string, v: number | null) =>
  v === null ? '' : kind === 'rate' ? `${v.toFixed(1)} 个百分点` : `${(v * 100).toFixed(1)}%`;

/** A sheet of every figure with its previous period, the same period last year and the changes. */
export function addFiguresSheet(wb: ExcelJS.Workbook, q: KpiQuery, figures: Figures, title = '指标一览') {
  const sheet = wb.addWorksheet('指标');
  const top = writeFilter(sheet, title, q, figures.period, figures.asOf);
  table(
    sheet,
    top,
    ['指标', '口径', '分子', '分母', '数值', '上期数值', '环比', '同期数值', '同比'],
    figures.figures.map((f) => [
      f.name.zh,
      f.id,
      f.numerator,
      f.denominator,
      valueCell(f.kind, f.value),
      valueCell(f.kind, f.previous.value),
      change(f.kind, f.periodOnPeriod),
      valueCell(f.kind, f.lastYear.value),
      change(f.kind, f.yearOnYear),
    ]),
  );
  // Rates are shares: shown as percentages where the figure is a rate.
  figures.figures.forEach((f, i) => {
    if (f.kind !== 'rate') return;
    for (const col of [5, 6, 8]) sheet.getCell(top + 1 + i, col).numFmt = PERCENT;
  });
}

/** A sheet ranking one figure by child region, with the ranking rule written under the table. */
export function addRankingSheet(wb: ExcelJS.Workbook, name: string, title: string, q: KpiQuery, ranking: Ranking) {
  const sheet = wb.addWorksheet(name);
  const top = writeFilter(sheet, title, q, ranking.period);
  table(
    sheet,
    top,
    ['名次', '区域', '代码', '分子', '分母', '数值', '排名得分'],
    ranking.rows.map((r) => [
      r.rank ?? '',
      r.name ?? '',
      r.key,
      r.numerator,
      r.denominator,
      r.value ?? '',
      r.score ?? '',
    ]),
    ranking.ranking === 'wilson_lower_bound_95' ? { 6: PERCENT, 7: PERCENT } : {},
  );
  sheet.getCell(top + ranking.rows.length + 2, 1).value =
    ranking.ranking === 'wilson_lower_bound_95'
      ? '排名按威尔逊区间下界（95%）：案件少的区域不会因偶然的高比率排在前面。'
      : '排名按数值。';
}

/** The KPI workbook of a region and period: every figure with its change and signals, and the ranking of one figure by township. */
export async function kpiWorkbook(ctx: Ctx, q: KpiQuery & { rank: string }): Promise<Buffer> {
  const figures = await kpiFigures(ctx, q);
  const ranking = await kpiBreakdown(ctx, q.rank, { ...q, by: 'region' });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'civicgrid';
  addFiguresSheet(wb, q, figures);
  const signals = wb.addWorksheet('信号');
  const sTop = writeFilter(signals, '可能抬高指标的信号', q, figures.period, figures.asOf);
  table(
    signals,
    sTop,
    ['指标', '信号', '分子', '分母', '占比'],
    figures.figures.flatMap((f) =>
      f.signals.map((s) => [f.name.zh, s.name.zh, s.numerator, s.denominator, s.value ?? '']),
    ),
    { 5: PERCENT },
  );
  const rankedName = figures.figures.find((f) => f.id === q.rank)?.name.zh ?? q.rank;
  addRankingSheet(wb, '排名', `${rankedName} 分区排名`, q, ranking);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cases behind one figure as a workbook: the drill-down list with the filter that produced it. */
export async function drillDownWorkbook(ctx: Ctx, id: string, q: KpiQuery & { part: 'numerator' | 'denominator' }) {
  const d = await kpiDrillDown(ctx, id, q);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('案件');
  const top = writeFilter(sheet, `${id} · ${q.part === 'numerator' ? '分子' : '分母'}（${d.count} 项）`, q, d.period);
  table(
    sheet,
    top,
    ['事项编号', '标题', '类型', '状态', '区划代码', '受理时间', '交办序号'],
    d.cases.map((c) => [
      c.trackingCode,
      c.title,
      c.kind,
      STATUS_ZH[c.status] ?? c.status,
      c.regionCode,
      cstWall(c.receivedAt),
      c.seq ?? '',
    ]),
    { 6: 'yyyy-mm-dd hh:mm' },
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
