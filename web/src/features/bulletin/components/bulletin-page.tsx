import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MonthlyBulletin } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { casesLinkFor } from '../../dashboard/api/dashboard-api.js';
import { formatChange, formatValue, nameIn } from '../../dashboard/components/figure-format.js';
import { bulletinQuery, bulletinWorkbookUrl } from '../api/bulletin-api.js';
import './bulletin-print.css';

type Figure = MonthlyBulletin['figures'][number];
type Ranking = MonthlyBulletin['rankings'][number];
type Row = Ranking['rows'][number];
type Category = MonthlyBulletin['categories'][number];
type Notice = MonthlyBulletin['notices'][number];
type Warning = MonthlyBulletin['warnings'][number];

const KEYS = ['month', 'region'] as const;
/** Last month by default: a bulletin reports a month that has ended. */
const lastMonth = () => dayjs().subtract(1, 'month').format('YYYY-MM');
/** The case list opened on exactly the cases a number counts (the dashboard's link). */
const casesOf = (drillDown: string) => casesLinkFor(drillDown, 'denominator');

/**
 * 月度通报: the month's bulletin of a jurisdiction, laid out to be printed (the menu, header and controls
 * are left off the printed page) and exported as a workbook with the same content. Every number links
 * to the cases behind it.
 */
export function BulletinPage() {
  const { t, i18n } = useTranslation();
  const { filters, setFilters } = useUrlFilters(KEYS);
  const month = filters.month ?? lastMonth();
  const query = { month, ...(filters.region ? { region: filters.region } : {}) };
  const bulletin = useQuery(bulletinQuery(query));
  const b = bulletin.data;
  const name = (n: { zh: string; en: string }) => nameIn(n, i18n.language);

  const figureColumns: ColumnsType<Figure> = [
    { title: t('bulletin.figure'), key: 'name', render: (_, f) => name(f.name) },
    {
      title: t('bulletin.value'),
      key: 'value',
      align: 'right',
      render: (_, f) => <Link to={casesOf(f.drillDown)}>{formatValue(f.kind, f.value)}</Link>,
    },
    {
      title: t('bulletin.fraction'),
      key: 'fraction',
      align: 'right',
      render: (_, f) => (f.kind === 'count' ? '' : `${formatNumber(f.numerator)} / ${f.denominator}`),
    },
    {
      title: t('bulletin.periodOnPeriod'),
      key: 'pop',
      align: 'right',
      render: (_, f) => formatChange(f.kind, f.periodOnPeriod, t),
    },
    {
      title: t('bulletin.yearOnYear'),
      key: 'yoy',
      align: 'right',
      render: (_, f) => formatChange(f.kind, f.yearOnYear, t),
    },
  ];
  const rankColumns: ColumnsType<Row> = [
    { title: t('bulletin.rank'), dataIndex: 'rank', width: 80, render: (v: number | null) => v ?? '—' },
    { title: t('bulletin.region'), key: 'region', render: (_, row) => row.name ?? row.key },
    {
      title: t('bulletin.value'),
      key: 'value',
      align: 'right',
      render: (_, row) => <Link to={casesOf(row.drillDown)}>{formatValue('rate', row.value)}</Link>,
    },
    {
      title: t('bulletin.volume'),
      key: 'volume',
      align: 'right',
      render: (_, row) => `${row.numerator} / ${row.denominator}`,
    },
    { title: t('bulletin.score'), key: 'score', align: 'right', render: (_, row) => formatValue('rate', row.score) },
  ];
  const cardRows = b ? cardsByRegion(b) : [];
  const categoryColumns: ColumnsType<Category> = [
    { title: t('bulletin.category'), key: 'name', render: (_, c) => name(c.name) },
    {
      title: t('bulletin.received'),
      key: 'received',
      align: 'right',
      render: (_, c) => <Link to={casesOf(c.drillDown)}>{c.received}</Link>,
    },
    { title: t('bulletin.share'), key: 'share', align: 'right', render: (_, c) => formatValue('rate', c.share) },
  ];
  const noticeColumns: ColumnsType<Notice> = [
    {
      title: t('bulletin.figure'),
      key: 'figure',
      render: (_, n) => name(b?.figures.find((f) => f.id === n.figure)?.name ?? { zh: n.figure, en: n.figure }),
    },
    { title: t('bulletin.signal'), key: 'signal', render: (_, n) => name(n.name) },
    {
      title: t('bulletin.fraction'),
      key: 'fraction',
      align: 'right',
      render: (_, n) => `${n.numerator} / ${n.denominator}`,
    },
  ];

  const warningColumns: ColumnsType<Warning> = [
    { title: t('bulletin.region'), key: 'region', render: (_, w) => w.regionName ?? w.regionCode },
    { title: t('bulletin.scheme'), dataIndex: 'scheme' },
    { title: t('bulletin.reason'), key: 'reason', render: (_, w) => t(`bulletin.reasons.${w.reason}`) },
    { title: t('bulletin.index'), key: 'index', align: 'right', render: (_, w) => w.index.toFixed(1) },
    {
      title: t('bulletin.previous'),
      key: 'previous',
      align: 'right',
      render: (_, w) => (w.previous === null ? '—' : w.previous.toFixed(1)),
    },
    { title: t('bulletin.limit'), key: 'limit', align: 'right', render: (_, w) => w.limit.toFixed(1) },
  ];

  return (
    <div className="bulletin">
      <div className="bulletin-controls">
        <PageHeader title={t('bulletin.title')} subtitle={t('bulletin.description')} />
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="bulletin-month">{t('bulletin.month')}</label>
          <DatePicker
            id="bulletin-month"
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setFilters({ ...filters, month: d.format('YYYY-MM') })}
          />
          <label htmlFor="bulletin-region">{t('bulletin.region')}</label>
          <div style={{ minWidth: 260 }}>
            <RegionPicker
              id="bulletin-region"
              value={filters.region ?? null}
              onChange={(region) => setFilters({ ...filters, region: region ?? undefined })}
              placeholder={t('bulletin.ownJurisdiction')}
            />
          </div>
        </Space>
        <Space style={{ margin: '12px 0' }}>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!b}>
            {t('bulletin.print')}
          </Button>
          <Button icon={<DownloadOutlined />} href={bulletinWorkbookUrl(query)} download disabled={!b}>
            {t('bulletin.export')}
          </Button>
        </Space>
      </div>
      <ErrorAlert error={bulletin.error} />
      {b && (
        <article className="bulletin-paper" aria-live="polite">
          <Typography.Title level={3} style={{ textAlign: 'center' }}>
            {t('bulletin.heading', { month: b.month, region: b.region.name })}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {t('bulletin.asOf', { at: formatTime(b.asOf, i18n.language) })}
          </Typography.Paragraph>

          <Typography.Title level={4}>{t('bulletin.sections.figures')}</Typography.Title>
          <Table<Figure> size="small" rowKey="id" pagination={false} columns={figureColumns} dataSource={b.figures} />

          <Typography.Title level={4}>{t('bulletin.sections.rankings')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('bulletin.rankingRule')}</Typography.Paragraph>
          {b.rankings.map((r) => (
            <section key={r.id} aria-label={name(r.name)}>
              <Typography.Title level={5}>{name(r.name)}</Typography.Title>
              <Table<Row> size="small" rowKey="key" pagination={false} columns={rankColumns} dataSource={r.rows} />
            </section>
          ))}

          <Typography.Title level={4}>{t('bulletin.sections.warnings')}</Typography.Title>
          {b.warnings.length === 0 ? (
            <Typography.Paragraph>{t('bulletin.noWarnings')}</Typography.Paragraph>
          ) : (
            <Table<Warning>
              size="small"
              rowKey={(w) => `${w.schemeId}/${w.regionCode}/${w.reason}`}
              pagination={false}
              columns={warningColumns}
              dataSource={b.warnings}
            />
          )}

          <Typography.Title level={4}>{t('bulletin.sections.cards')}</Typography.Title>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={cardRows}
            columns={[
              { title: t('bulletin.region'), dataIndex: 'name' },
              ...b.cards.map((c, i) => ({
                title: name(c.name),
                key: c.id,
                align: 'right' as const,
                render: (_: unknown, row: (typeof cardRows)[number]) => {
                  const cell = row.counts[i];
                  return cell ? <Link to={casesOf(cell.drillDown)}>{cell.count}</Link> : 0;
                },
              })),
            ]}
          />

          <Typography.Title level={4}>{t('bulletin.sections.categories')}</Typography.Title>
          <Table<Category>
            size="small"
            rowKey="code"
            pagination={false}
            columns={categoryColumns}
            dataSource={b.categories}
          />

          <Typography.Title level={4}>{t('bulletin.sections.notices')}</Typography.Title>
          {b.notices.length === 0 ? (
            <Typography.Paragraph>{t('bulletin.noNotices')}</Typography.Paragraph>
          ) : (
            <Table<Notice>
              size="small"
              rowKey={(n) => `${n.figure}/${n.signal}`}
              pagination={false}
              columns={noticeColumns}
              dataSource={b.notices}
            />
          )}
        </article>
      )}
    </div>
  );
}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** One row per child region with its red, yellow and blue card counts and the link to each. */
function cardsByRegion(b: MonthlyBulletin) {
  const regions = b.cards[0]?.rows ?? [];
  return [...regions]
    .sort((x, y) => x.key.localeCompare(y.key))
    .map((r) => ({
      key: r.key,
      name: r.name ?? r.key,
      counts: b.cards.map((c) => {
        const row = c.rows.find((x) => x.key === r.key);
        return row ? { count: row.denominator, drillDown: row.drillDown } : null;
      }),
    }));
}
