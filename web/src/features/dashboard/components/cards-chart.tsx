import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { KpiFigure } from '../../../api/contract-types.js';
import { CARD_COLOURS } from '../../../api/contract-types.js';
import { casesLinkFor } from '../api/dashboard-api.js';
import { ChartCard } from './chart-card.js';
import { formatChange } from './figure-format.js';

// The cards' own colours, dark enough for their labels to read on white.
const FILL = { blue: '#1d5fbf', yellow: '#d4a106', red: '#c41d1d' } as const;

type Row = { colour: (typeof CARD_COLOURS)[number]; label: string; figure: KpiFigure };

/** Supervision cards issued in the period by colour (督办), each bar opening the cases its cards were issued on. */
export function CardsChart({ figures }: { figures: KpiFigure[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows: Row[] = CARD_COLOURS.flatMap((colour) => {
    const figure = figures.find((f) => f.id === `cards_${colour}`);
    return figure ? [{ colour, label: t(`supervision.cards.${colour}`), figure }] : [];
  });
  const option = {
    animation: false,
    grid: { left: 48, right: 24, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((r) => r.label), triggerEvent: true, axisLabel: { color: '#333' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        cursor: 'pointer',
        label: { show: true, position: 'top', color: '#333' },
        data: rows.map((r) => ({ value: r.figure.value, itemStyle: { color: FILL[r.colour] } })),
      },
    ],
  };
  const columns: ColumnsType<Row> = [
    { title: t('supervision.colour'), dataIndex: 'label', key: 'label' },
    {
      title: t('dashboard.issued'),
      key: 'value',
      align: 'right',
      render: (_, r) => <Link to={casesLinkFor(r.figure.drillDown, 'denominator')}>{r.figure.value}</Link>,
    },
    {
      title: t('dashboard.periodOnPeriod'),
      key: 'pop',
      align: 'right',
      render: (_, r) => formatChange('count', r.figure.periodOnPeriod, t),
    },
  ];
  return (
    <ChartCard<Row>
      title={t('dashboard.cards')}
      testId="chart-cards"
      option={option}
      height={260}
      summary={t('dashboard.cardsSummary', {
        list: rows.map((r) => `${r.label} ${r.figure.value ?? 0}`).join(', '),
      })}
      rows={rows}
      columns={columns}
      rowKey="colour"
      loading={false}
      categories={rows.map((r) => r.label)}
      onPick={(r) => navigate(casesLinkFor(r.figure.drillDown, 'denominator'))}
    />
  );
}
