import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Segmented, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { KpiDrillDown } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { regionQuery } from '../../../api/regions-api.js';
import { CaseStatusTag } from '../../../components/case-status-tag.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { pagerOf } from '../../../components/pager.js';
import { kpiDefinition } from '../../../../../src/core/kpi/definitions.js';
import { drillDownQuery, drillDownWorkbookUrl, type Part, periodDays } from '../../dashboard/api/dashboard-api.js';
import { trackingCodeColumn } from './cases-table.js';

type Row = KpiDrillDown['cases'][number];
type Drill = { id: string; part: Part; query: Record<string, string> };

/**
 * The case list opened from a figure (?kpi=…): exactly the items the figure counts (GET /api/kpi/{id}/cases,
 * the numerator's or the denominator's), with a banner naming the figure, the region and the period, and
 * the same list as an Excel workbook with that filter written on the sheet.
 */
export function KpiCases({ drill }: { drill: Drill }) {
  const { t, i18n } = useTranslation();
  const [, setParams] = useSearchParams();
  const cases = useQuery(drillDownQuery(drill.id, drill.query));
  // The drill-down comes whole (at most 10,000 items): it is paged here, not on the server.
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const def = kpiDefinition(drill.id);
  const name = def ? (i18n.language.startsWith('zh') ? def.zh : def.en) : t('kpiCases.unknown', { id: drill.id });
  const regionCode = drill.query.region ?? '';
  const region = useQuery({ ...regionQuery(regionCode), enabled: Boolean(regionCode) });
  const byAssignment = (cases.data?.cases ?? []).some((c) => c.seq !== null);
  const [from, to] = cases.data ? periodDays(cases.data.period) : ['…', '…'];
  const columns: ColumnsType<Row> = [
    trackingCodeColumn<Row>(t),
    ...(byAssignment ? [{ title: t('kpiCases.seq'), dataIndex: 'seq', key: 'seq' }] : []),
    { title: t('cases.titleCol'), dataIndex: 'title', key: 'title' },
    { title: t('cases.kind'), dataIndex: 'kind', key: 'kind', render: (kind: string) => t(`enums.kind.${kind}`) },
    {
      title: t('cases.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: string) => <CaseStatusTag status={status} />,
    },
    {
      title: t('cases.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      render: (at: string) => formatTime(at, i18n.language),
    },
  ];
  const setPart = (part: Part) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('part', part);
      return next;
    });
  const rows = cases.data?.cases ?? [];
  const distinct = new Set(rows.map((c) => c.id)).size;

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        extra={
          <>
            <Link to="/dashboard">
              <ArrowLeftOutlined aria-hidden /> {t('kpiCases.back')}
            </Link>
            <Link to="/cases" data-testid="kpi-cases-all">
              {t('kpiCases.allCases')}
            </Link>
          </>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="kpi-banner"
        message={
          <strong>
            {t('kpiCases.banner', {
              name,
              // A count's numerator and denominator are the same items: the part is named only for rates and means.
              part: def?.kind === 'count' ? '' : ` · ${t(`kpiCases.${drill.part}`)}`,
              region: region.data?.name ?? (regionCode || '…'),
              from,
              to,
            })}
          </strong>
        }
        description={
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <span data-testid="kpi-count">
              {cases.data ? t('kpiCases.counted', { count: cases.data.count, cases: distinct }) : '…'}
            </span>
            <Space wrap>
              {def?.kind === 'rate' && (
                <Segmented
                  aria-label={t('kpiCases.showPart')}
                  value={drill.part}
                  onChange={(v) => setPart(v as Part)}
                  options={[
                    { label: t('kpiCases.numerator'), value: 'numerator' },
                    { label: t('kpiCases.denominator'), value: 'denominator' },
                  ]}
                  data-testid="kpi-part"
                />
              )}
              <Button
                icon={<DownloadOutlined />}
                href={drillDownWorkbookUrl(drill.id, drill.query)}
                data-testid="kpi-export"
              >
                {t('common.exportExcel')}
              </Button>
            </Space>
          </Space>
        }
      />
      <ErrorAlert error={cases.error} onRetry={cases.refetch} />
      <Table<Row>
        size="middle"
        rowKey={(c) => `${c.id}-${c.seq ?? ''}`}
        data-testid="cases-table"
        columns={columns}
        dataSource={rows}
        loading={cases.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={pagerOf({ ...paging, onPage: (page, pageSize) => setPaging({ page, pageSize }) }, rows.length, t)}
      />
    </>
  );
}
