import type { BulletinQuery } from '../../contract/kpi-bulletin.js';
import type { KpiQuery } from '../../contract/kpi.js';
import { periodWarnings } from '../assessment/period-warnings.js';
import { getCategories } from '../categories/categories.js';
import { getRegion } from '../regions/regions.js';
import type { Ctx } from '../context.js';
import { kpiBreakdown } from './kpi-breakdown.js';
import { kpiFigures } from './kpi-figures.js';

/** The rates a monthly bulletin ranks the child regions by (the reports' 排名 tables). */
export const BULLETIN_RANKED = ['resolve_on_time', 'sign_on_time', 'satisfaction', 'township_or_below'] as const;
const CARD_FIGURES = ['cards_red', 'cards_yellow', 'cards_blue'] as const;
const TOP_CATEGORIES = 10;

/**
 * The monthly bulletin (月度通报) of a jurisdiction: every figure with its change, the key rates ranked by
 * child region, the safety-index warnings of the month, the cards by region, the month's largest categories
 * and the signals of gaming it shows.
 * Built from the same use cases as the dashboard, so the bulletin and the screen cannot disagree.
 */
export async function monthlyBulletin(ctx: Ctx, q: BulletinQuery) {
  const kq: KpiQuery = { period: 'month', date: `${q.month}-01`, ...(q.region ? { region: q.region } : {}) };
  const figures = await kpiFigures(ctx, kq);
  const named = (id: string) => figures.figures.find((x) => x.id === id)!.name;
  const byRegion = (ids: readonly string[]) =>
    Promise.all(
      ids.map(async (id) => ({ ...(await kpiBreakdown(ctx, id, { ...kq, by: 'region' })), name: named(id) })),
    );
  const [rankings, cards, byCategory, categories, region, warnings] = await Promise.all([
    byRegion(BULLETIN_RANKED),
    byRegion(CARD_FIGURES),
    kpiBreakdown(ctx, 'received', { ...kq, by: 'categoryCode' }),
    getCategories(ctx),
    getRegion(ctx, figures.region.code),
    periodWarnings(ctx, figures.region.path, figures.period),
  ]);
  const names = new Map(categories.map((c) => [c.code, { zh: c.nameZh, en: c.nameEn }]));
  const received = byCategory.rows.reduce((n, r) => n + r.denominator, 0);
  return {
    region: { ...figures.region, name: region.name },
    month: q.month,
    period: figures.period,
    asOf: figures.asOf,
    figures: figures.figures,
    rankings,
    cards,
    categories: byCategory.rows
      .filter((r) => r.denominator > 0)
      .sort((a, b) => b.denominator - a.denominator || a.key.localeCompare(b.key))
      .slice(0, TOP_CATEGORIES)
      .map((r) => ({
        code: r.key,
        name: names.get(r.key) ?? { zh: r.key, en: r.key },
        received: r.denominator,
        share: received ? r.denominator / received : 0,
        drillDown: r.drillDown,
      })),
    warnings,
    notices: figures.figures.flatMap((f) =>
      f.signals
        .filter((s) => s.numerator > 0)
        .map((s) => ({ figure: f.id, signal: s.id, name: s.name, numerator: s.numerator, denominator: s.denominator })),
    ),
  };
}
