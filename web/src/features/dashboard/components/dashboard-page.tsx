import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeriodKind } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { regionQuery } from '../../../api/regions-api.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { breakdownQuery, figuresQuery, type KpiParams, periodDays } from '../api/dashboard-api.js';
import { CardsChart } from './cards-chart.js';
import { CategoryMix } from './category-mix.js';
import { KpiTiles } from './kpi-tiles.js';
import { PeriodBar } from './period-bar.js';
import { RankingTable } from './ranking-table.js';
import { RegionChart } from './region-chart.js';
import { TrendChart } from './trend-chart.js';

type Key = 'period' | 'date' | 'from' | 'to' | 'region' | 'kpi' | 'rank';
const KEYS: readonly Key[] = ['period', 'date', 'from', 'to', 'region', 'kpi', 'rank'];

/**
 * 驾驶舱, the leader's dashboard: every figure of the jurisdiction for a period with its change and the
 * signals that could inflate it, one figure by child region and over time, the category mix, the cards,
 * and the fair ranking. Everything is in the address (a dashboard is a link), and every figure opens its cases.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { filters, setFilters } = useUrlFilters(KEYS);
  const period = (filters.period ?? 'month') as PeriodKind | 'custom';
  const params: KpiParams =
    period === 'custom'
      ? { region: filters.region, period, from: filters.from, to: filters.to }
      : { region: filters.region, period, date: filters.date };
  // A custom period is asked for once both ends are chosen.
  const enabled = period !== 'custom' || Boolean(filters.from && filters.to);
  const chartFigure = filters.kpi ?? 'received';
  const rankFigure = filters.rank ?? 'satisfaction';
  const figures = useQuery({ ...figuresQuery(params), enabled });
  const byRegion = useQuery({ ...breakdownQuery(chartFigure, 'region', params), enabled });
  const byCategory = useQuery({ ...breakdownQuery('received', 'categoryCode', params), enabled });
  const ranking = useQuery({ ...breakdownQuery(rankFigure, 'region', params), enabled });
  const regionCode = figures.data?.region.code ?? '';
  const region = useQuery({ ...regionQuery(regionCode), enabled: Boolean(regionCode) });
  const list = figures.data?.figures ?? [];
  const subtitle = figures.data
    ? t('dashboard.subtitle', {
        region: region.data?.name ?? regionCode,
        from: periodDays(figures.data.period)[0],
        to: periodDays(figures.data.period)[1],
        asOf: formatTime(figures.data.asOf, i18n.language),
      })
    : t('dashboard.subtitleLoading');
  const error = figures.error ?? byRegion.error ?? byCategory.error ?? ranking.error;
  return (
    <div data-testid="dashboard">
      <PageHeader title={t('dashboard.title')} subtitle={subtitle} />
      <PeriodBar params={params} onChange={setFilters} />
      <ErrorAlert
        error={error}
        onRetry={() =>
          void Promise.all([figures.refetch(), byRegion.refetch(), byCategory.refetch(), ranking.refetch()])
        }
      />
      <section aria-label={t('dashboard.tiles')} style={{ marginBottom: 12 }}>
        <KpiTiles figures={figures.data?.figures} loading={figures.isFetching} />
      </section>
      {list.length > 0 && (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={14}>
            <RegionChart
              figures={list}
              figureId={chartFigure}
              onFigure={(kpi) => setFilters({ kpi })}
              data={byRegion.data}
              loading={byRegion.isFetching}
            />
          </Col>
          <Col xs={24} xl={10}>
            <CategoryMix data={byCategory.data} loading={byCategory.isFetching} />
          </Col>
          <Col xs={24} xl={14}>
            <TrendChart
              current={figures.data}
              region={filters.region}
              figureId={chartFigure}
              onFigure={(kpi) => setFilters({ kpi })}
            />
          </Col>
          <Col xs={24} xl={10}>
            <CardsChart figures={list} />
          </Col>
          <Col xs={24}>
            <RankingTable
              figures={list}
              figureId={rankFigure}
              onFigure={(rank) => setFilters({ rank })}
              data={ranking.data}
              loading={ranking.isFetching}
            />
          </Col>
        </Row>
      )}
    </div>
  );
}
