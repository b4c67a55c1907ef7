import { useQueries } from '@tanstack/react-query';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { KpiFigure, KpiFigures } from '../../../api/contract-types.js';
import { casesLinkFor, figuresQuery, paramsOf, periodDays, periodsBefore } from '../api/dashboard-api.js';
import { ChartCard } from './chart-card.js';
import { FigureSelect } from './region-chart.js';
import { formatValue, nameIn } from './figure-format.js';

/** How many periods the trend shows, the chosen one last. */
const PERIODS = 6;

type Row = { key: string; label: string; days: string; figure: KpiFigure };

/** A period's short name: the month for months, the first day otherwise. */
function periodLabel(p: { kind: string; from: string | Date; to: string | Date }): string {
  const [first, last] = periodDays(p);
  if (p.kind === 'month') return first.slice(0, 7);
  if (p.kind === 'year') return first.slice(0, 4);
  if (p.kind === 'quarter') return `${first.slice(0, 4)}Q${Math.ceil(Number(first.slice(5, 7)) / 3)}`;
  if (p.kind === 'half') return `${first.slice(0, 4)}H${first.slice(5, 7) === '01' ? 1 : 2}`;
  if (p.kind === 'day' || p.kind === 'week') return first.slice(5);
  return `${first.slice(5)}–${last.slice(5)}`;
}

/** The chosen figure over the last six periods of the chosen kind; a point opens that period's cases. */
export function TrendChart(props: {
  current: KpiFigures | undefined;
  region: string | undefined;
  figureId: string;
  onFigure: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const periods = props.current ? periodsBefore(props.current.period, PERIODS) : [];
  const results = useQueries({
    queries: periods.map((p) => ({ ...figuresQuery(paramsOf(p, props.region)), placeholderData: undefined })),
  });
  const loading = results.some((r) => r.isFetching);
  const rows: Row[] = results.flatMap((r) => {
    const figure = r.data?.figures.find((f) => f.id === props.figureId);
    return r.data && figure
      ? [
          {
            key: r.data.period.from,
            label: periodLabel(r.data.period),
            days: periodDays(r.data.period).join(' – '),
            figure,
          },
        ]
      : [];
  });
  const figure = props.current?.figures.find((f) => f.id === props.figureId);
  const kind = figure?.kind ?? 'count';
  const complete = rows.length === periods.length && periods.length > 0;
  const option = !complete
    ? null
    : {
        animation: false,
        grid: { left: 48, right: 24, top: 24, bottom: 28 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { color: '#333' } },
        yAxis: { type: 'value', ...(kind === 'rate' ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}) },
        series: [
          {
            type: 'line',
            name: figure ? nameIn(figure.name, i18n.language) : '',
            symbolSize: 9,
            cursor: 'pointer',
            itemStyle: { color: '#1d5fbf' },
            label: { show: true, color: '#333', formatter: kind === 'rate' ? '{c}%' : '{c}' },
            data: rows.map((r) =>
              r.figure.value === null
                ? null
                : kind === 'rate'
                  ? Math.round(r.figure.value * 1000) / 10
                  : r.figure.value,
            ),
          },
        ],
      };
  const columns: ColumnsType<Row> = [
    { title: t('dashboard.period'), dataIndex: 'days', key: 'days' },
    {
      title: t('dashboard.value'),
      key: 'value',
      align: 'right',
      render: (_, r) => (
        <Link to={casesLinkFor(r.figure.drillDown, kind === 'rate' ? 'numerator' : 'denominator')}>
          {formatValue(kind, r.figure.value)}
        </Link>
      ),
    },
    ...(kind === 'count'
      ? []
      : [
          {
            title: t('dashboard.numerator'),
            key: 'n',
            align: 'right' as const,
            render: (_: unknown, r: Row) => r.figure.numerator,
          },
          {
            title: t('dashboard.denominator'),
            key: 'd',
            align: 'right' as const,
            render: (_: unknown, r: Row) => r.figure.denominator,
          },
        ]),
  ];
  return (
    <ChartCard<Row>
      title={t('dashboard.trend')}
      testId="chart-trend"
      option={option}
      height={280}
      summary={t('dashboard.trendSummary', {
        name: figure ? nameIn(figure.name, i18n.language) : '',
        list: rows.map((r) => `${r.label} ${formatValue(kind, r.figure.value)}`).join(', '),
      })}
      rows={rows}
      columns={columns}
      rowKey="key"
      loading={loading}
      onPick={(r) => navigate(casesLinkFor(r.figure.drillDown, kind === 'rate' ? 'numerator' : 'denominator'))}
      extra={
        props.current && (
          <FigureSelect
            figures={props.current.figures}
            value={props.figureId}
            onChange={props.onFigure}
            label={t('dashboard.chooseFigure')}
            testId="chart-trend-figure"
            withCards
          />
        )
      }
    />
  );
}
