import { Select } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { KpiBreakdown, KpiFigure } from '../../../api/contract-types.js';
import { casesLinkFor } from '../api/dashboard-api.js';
import { BAR_GRID, barChartHeight } from './chart-layout.js';
import { ChartCard } from './chart-card.js';
import { formatValue, nameIn } from './figure-format.js';

type Row = KpiBreakdown['rows'][number];

/** Chooses the figure a chart shows, by its name in the interface language. */
export function FigureSelect(props: {
  figures: KpiFigure[];
  value: string;
  onChange: (id: string) => void;
  label: string;
  testId: string;
  /** Offer the cards by colour too (they have their own chart, so by default they are left out). */
  withCards?: boolean;
}) {
  const { i18n } = useTranslation();
  return (
    <Select
      size="small"
      aria-label={props.label}
      value={props.value}
      onChange={props.onChange}
      popupMatchSelectWidth={false}
      style={{ minWidth: 140, maxWidth: 220 }}
      data-testid={props.testId}
      options={props.figures
        .filter((f) => props.withCards || !f.id.startsWith('cards_'))
        .map((f) => ({ value: f.id, label: nameIn(f.name, i18n.language) }))}
    />
  );
}

/** The chosen figure by child region as horizontal bars; a bar (or its region's name) opens that region's cases. */
export function RegionChart(props: {
  figures: KpiFigure[];
  figureId: string;
  onFigure: (id: string) => void;
  data: KpiBreakdown | undefined;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const figure = props.figures.find((f) => f.id === props.figureId);
  const figureName = figure ? nameIn(figure.name, i18n.language) : '';
  const kind = figure?.kind ?? 'count';
  const rows = props.data?.rows ?? [];
  const names = rows.map((r) => r.name ?? r.key);
  const shown = (v: number | null) => (v === null ? null : kind === 'rate' ? Math.round(v * 1000) / 10 : v);
  const option =
    rows.length === 0
      ? null
      : {
          animation: false,
          grid: { ...BAR_GRID },
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: {
            type: 'value',
            splitNumber: 4,
            ...(kind === 'rate' ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}),
          },
          yAxis: {
            type: 'category',
            inverse: true,
            data: names,
            triggerEvent: true,
            axisLabel: { width: BAR_GRID.left - 12, overflow: 'truncate', color: '#333' },
          },
          series: [
            {
              type: 'bar',
              name: figureName,
              data: rows.map((r) => shown(r.value)),
              barMaxWidth: 22,
              cursor: 'pointer',
              itemStyle: { color: '#1d5fbf' },
              label: { show: true, position: 'right', formatter: kind === 'rate' ? '{c}%' : '{c}', color: '#333' },
            },
          ],
        };
  const columns: ColumnsType<Row> = [
    { title: t('dashboard.region'), key: 'name', render: (_, r) => r.name ?? r.key },
    {
      title: t('dashboard.value'),
      key: 'value',
      align: 'right',
      render: (_, r) => <Link to={casesLinkFor(r.drillDown, 'denominator')}>{formatValue(kind, r.value)}</Link>,
    },
    ...(kind === 'count'
      ? []
      : [
          { title: t('dashboard.numerator'), dataIndex: 'numerator', key: 'n', align: 'right' as const },
          { title: t('dashboard.denominator'), dataIndex: 'denominator', key: 'd', align: 'right' as const },
        ]),
  ];
  return (
    <ChartCard<Row>
      title={t('dashboard.byRegion')}
      testId="chart-region"
      option={option}
      height={barChartHeight(rows.length)}
      summary={t('dashboard.byRegionSummary', { name: figureName, count: rows.length })}
      rows={rows}
      columns={columns}
      rowKey="key"
      loading={props.loading}
      categories={names}
      onPick={(r) => navigate(casesLinkFor(r.drillDown, 'denominator'))}
      extra={
        <FigureSelect
          figures={props.figures}
          value={props.figureId}
          onChange={props.onFigure}
          label={t('dashboard.chooseFigure')}
          testId="chart-region-figure"
        />
      }
    />
  );
}
