import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { KpiBreakdown } from '../../../api/contract-types.js';
import { useCategoryNames } from '../../../components/category-tree-select.js';
import { casesLinkFor } from '../api/dashboard-api.js';
import { ChartCard } from './chart-card.js';

type Row = KpiBreakdown['rows'][number] & { label: string; share: number };

const TOP = 10;

/** The cases received in the period by category, the largest as bars; a bar opens that category's cases. */
export function CategoryMix({ data, loading }: { data: KpiBreakdown | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categoryName = useCategoryNames();
  const total = (data?.rows ?? []).reduce((sum, r) => sum + (r.value ?? 0), 0);
  const rows: Row[] = (data?.rows ?? [])
    .filter((r) => (r.value ?? 0) > 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .map((r) => ({ ...r, label: categoryName(r.key), share: total ? (r.value ?? 0) / total : 0 }));
  // The ten largest as bars (a ring of twenty slices cannot be read); the table view lists every category.
  const top = rows.slice(0, TOP);
  const option =
    top.length === 0
      ? null
      : {
          animation: false,
          grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'value', show: false },
          yAxis: {
            type: 'category',
            inverse: true,
            data: top.map((r) => r.label),
            triggerEvent: true,
            axisLabel: { width: 120, overflow: 'truncate', color: '#333' },
          },
          series: [
            {
              type: 'bar',
              barMaxWidth: 18,
              cursor: 'pointer',
              itemStyle: { color: '#3a7d44' },
              label: {
                show: true,
                position: 'right',
                color: '#333',
                formatter: ({ dataIndex }: { dataIndex: number }) =>
                  `${top[dataIndex]?.value} · ${((top[dataIndex]?.share ?? 0) * 100).toFixed(0)}%`,
              },
              data: top.map((r) => r.value),
            },
          ],
        };
  const columns: ColumnsType<Row> = [
    { title: t('dashboard.category'), dataIndex: 'label', key: 'label' },
    {
      title: t('dashboard.received'),
      key: 'value',
      align: 'right',
      render: (_, r) => <Link to={casesLinkFor(r.drillDown, 'denominator')}>{r.value}</Link>,
    },
    { title: t('dashboard.share'), key: 'share', align: 'right', render: (_, r) => `${(r.share * 100).toFixed(1)}%` },
  ];
  return (
    <ChartCard<Row>
      title={t('dashboard.categoryMix')}
      testId="chart-categories"
      option={option}
      height={TOP * 30 + 16}
      summary={t('dashboard.categoryMixSummary', { count: rows.length, total, top: top.length })}
      rows={rows}
      columns={columns}
      rowKey="key"
      loading={loading}
      categories={top.map((r) => r.label)}
      onPick={(r) => navigate(casesLinkFor(r.drillDown, 'denominator'))}
    />
  );
}
