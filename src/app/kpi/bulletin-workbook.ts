import ExcelJS from 'exceljs';
import type { BulletinQuery } from '../../contract/kpi-bulletin.js';
import type { KpiQuery } from '../../contract/kpi.js';
import type { Ctx } from '../context.js';
import { addFiguresSheet, addRankingSheet, PERCENT, table, writeFilter } from './kpi-workbook.js';
import { monthlyBulletin } from './monthly-bulletin.js';

/**
 * The monthly bulletin as a workbook: the figures, one ranking sheet per key rate, the cards by region,
 * the largest categories and the signals — the same content as the printable page, from the same call.
 */
export async function bulletinWorkbook(ctx: Ctx, q: BulletinQuery): Promise<Buffer> {
  const b = await monthlyBulletin(ctx, q);
  const kq: KpiQuery = { period: 'month', date: `${q.month}-01`, region: b.region.code };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'civicgrid';
  addFiguresSheet(wb, kq, b, `${q.month} 月度通报 · 指标一览`);
  for (const r of b.rankings) addRankingSheet(wb, `排名-${r.name.zh}`, `${r.name.zh} 分区排名`, kq, r);

  const warnings = wb.addWorksheet('预警');
  table(
    warnings,
    writeFilter(warnings, '平安指数预警', kq, b.period, b.asOf),
    ['区域', '代码', '考核方案', '原因', '指数', '上期指数', '阈值'],
    b.warnings.map((w) => [
      w.regionName ?? '',
      w.regionCode,
      w.scheme,
      w.reason === 'below_threshold' ? '低于预警线' : '降幅超过预警值',
      w.index,
      w.previous ?? '',
      w.limit,
    ]),
  );

  const cards = wb.addWorksheet('督办');
  const regions = b.cards[0]?.rows ?? [];
  const count = (i: number, key: string) => b.cards[i]?.rows.find((r) => r.key === key)?.denominator ?? 0;
  table(
    cards,
    writeFilter(cards, '督办牌分区统计（本月发出）', kq, b.period, b.asOf),
    ['区域', '代码', ...b.cards.map((c) => c.name.zh)],
    [...regions]
      .sort((x, y) => x.key.localeCompare(y.key))
      .map((r) => [r.name ?? '', r.key, ...b.cards.map((_, i) => count(i, r.key))]),
  );

  const categories = wb.addWorksheet('类别');
  table(
    categories,
    writeFilter(categories, '本月受理量最多的类别', kq, b.period, b.asOf),
    ['类别', '代码', '受理量', '占比'],
    b.categories.map((c) => [c.name.zh, c.code, c.received, c.share]),
    { 4: PERCENT },
  );

  const notices = wb.addWorksheet('提示');
  table(
    notices,
    writeFilter(notices, '可能抬高指标的信号（本月出现的）', kq, b.period, b.asOf),
    ['指标', '信号', '分子', '分母'],
    b.notices.map((n) => [
      b.figures.find((f) => f.id === n.figure)?.name.zh ?? n.figure,
      n.name.zh,
      n.numerator,
      n.denominator,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
