import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { KpiBreakdown, KpiFigure } from '../../../api/contract-types.js';
import { casesLinkFor } from '../api/dashboard-api.js';
import { formatValue } from './figure-format.js';
import { FigureSelect } from './region-chart.js';

type Row = KpiBreakdown['rows'][number];

/**
 * 排名: the child regions ranked by a figure as the server ranks them — a rate by the lower bound of its
 * Wilson interval, so a handful of cases cannot top the table — with the raw rate and the volume beside it.
 */
export function RankingTable(props: {
  figures: KpiFigure[];
  figureId: string;
  onFigure: (id: string) => void;
  data: KpiBreakdown | undefined;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const kind = props.figures.find((f) => f.id === props.figureId)?.kind ?? 'rate';
  const wilson = props.data?.ranking === 'wilson_lower_bound_95';
  // Peer classes (一类/二类/三类地区): where the administrator grouped the regions, each ranks within its class too.
  const classes = (props.data?.rows ?? []).some((r) => r.peerClass);
  const columns: ColumnsType<Row> = [
    { title: t('dashboard.rank'), dataIndex: 'rank', key: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
    { title: t('dashboard.region'), key: 'name', render: (_, r) => r.name ?? r.key },
    ...(classes
      ? [
          {
            title: t('dashboard.peerClass'),
            key: 'class',
            render: (_: unknown, r: Row) =>
              r.peerClass
                ? i18n.language.startsWith('zh')
                  ? r.peerClass.name
                  : (r.peerClass.nameEn ?? r.peerClass.name)
                : '—',
          },
          { title: t('dashboard.classRank'), key: 'classRank', render: (_: unknown, r: Row) => r.classRank ?? '—' },
        ]
      : []),
    ...(wilson
      ? [
          {
            title: t('dashboard.score'),
            key: 'score',
            align: 'right' as const,
            render: (_: unknown, r: Row) => formatValue('rate', r.score),
          },
        ]
      : []),
    {
      title: t('dashboard.value'),
      key: 'value',
      align: 'right',
      render: (_, r) => formatValue(kind, r.value),
    },
    ...(kind === 'count'
      ? []
      : [
          {
            title: t('dashboard.volume'),
            key: 'volume',
            align: 'right' as const,
            render: (_: unknown, r: Row) => (kind === 'rate' ? `${r.numerator} / ${r.denominator}` : r.denominator),
          },
        ]),
    {
      title: t('dashboard.casesCol'),
      key: 'cases',
      render: (_, r) => (
        <Link to={casesLinkFor(r.drillDown, 'denominator')} data-testid={`ranking-cases-${r.key}`}>
          {t('dashboard.openCases')}
        </Link>
      ),
    },
  ];
  return (
    <Card data-testid="ranking" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('dashboard.ranking')}</h2>}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <FigureSelect
          figures={props.figures}
          value={props.figureId}
          onChange={props.onFigure}
          label={t('dashboard.chooseRanking')}
          testId="ranking-figure"
        />
      </div>
      <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.7)', fontSize: 13 }}>
        {wilson ? t('dashboard.rankingWilson') : t('dashboard.rankingValue')}
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={props.data?.rows ?? []}
        loading={props.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="ranking-table"
      />
    </Card>
  );
}
