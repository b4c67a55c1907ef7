import ExcelJS from 'exceljs';
import { kindLabels, channelLabels } from '../../core/dispatch/labels.js';
import { DomainError } from '../../core/errors.js';
import { listCategories } from '../../storage/categories.repo.js';
import { type Ctx, readAs } from '../context.js';
import { cstWall, STATUS_ZH, table } from '../kpi/kpi-workbook.js';
import { type CaseListFilters, caseListPage } from './list-cases.js';

/** The most cases one workbook holds; a larger list is refused with its count, so the reader narrows the filters. */
export const CASE_WORKBOOK_LIMIT = 10_000;

const FILTER_NAMES: Record<string, string> = {
  status: '状态',
  kind: '类型',
  category: '类别',
  region: '区域',
  unit: '承办单位',
  q: '关键词',
  receivedFrom: '受理不早于',
  receivedTo: '受理早于',
  dueBefore: '期限早于',
  card: '督办牌',
  sentBack: '退回过',
};

/** The filters that produced the sheet, as a reader of the printed page needs them. */
function filterLine(q: CaseListFilters): string {
  const shown = Object.entries(FILTER_NAMES).flatMap(([key, name]) => {
    const value = q[key as keyof CaseListFilters];
    if (value === undefined) return [];
    const word =
      key === 'status'
        ? STATUS_ZH[String(value)]
        : key === 'kind'
          ? kindLabels[value as keyof typeof kindLabels]?.zh
          : undefined;
    return [`${name} ${word ?? value}`];
  });
  return `筛选 ${shown.join(' · ') || '无（本辖区全部事项）'}`;
}

/**
 * 事项列表 as an Excel workbook: every case the list's filters select, in the list's order (at most
 * CASE_WORKBOOK_LIMIT), one transaction, with the filters and the export time written above the table.
 */
export async function caseListWorkbook(ctx: Ctx, q: CaseListFilters): Promise<Buffer> {
  const { items, total, categories } = await readAs(ctx, 'case.read', 'cases:workbook', async (trx) => {
    const page = await caseListPage(ctx, trx, q, 1, CASE_WORKBOOK_LIMIT + 1);
    if (page.total > CASE_WORKBOOK_LIMIT)
      throw new DomainError('Unprocessable', `more than ${CASE_WORKBOOK_LIMIT} cases: narrow the filters`, {
        count: page.total,
      });
    return { ...page, categories: new Map((await listCategories(trx)).map((c) => [c.code, c.nameZh])) };
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'civicgrid';
  const sheet = wb.addWorksheet('事项列表');
  const now = ctx.deps.clock.now().toISOString();
  const lines = [
    `事项列表（${total} 件）`,
    filterLine(q),
    `导出时间 ${cstWall(now).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`,
  ];
  lines.forEach((text, i) => {
    sheet.getCell(i + 1, 1).value = text;
  });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  table(
    sheet,
    lines.length + 2,
    ['事项编号', '标题', '类型', '渠道', '类别', '区域', '状态', '承办单位', '受理时间', '办理期限', '退回次数'],
    items.map((c) => [
      c.trackingCode,
      c.title,
      kindLabels[c.kind].zh,
      channelLabels[c.channel].zh,
      categories.get(c.categoryCode) ?? c.categoryCode,
      c.regionName,
      STATUS_ZH[c.status] ?? c.status,
      c.leadUnit?.name ?? '',
      cstWall(c.receivedAt),
      c.dueAt ? cstWall(c.dueAt) : '',
      c.sentBackCount,
    ]),
    { 9: 'yyyy-mm-dd hh:mm', 10: 'yyyy-mm-dd hh:mm' },
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
