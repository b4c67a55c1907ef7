import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import type { DeadlinePolicy } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useApiQuery } from '../../../hooks/use-api-query.js';
import { fetchPolicies } from '../../supervision/api/supervision-api.js';

/** 时限规则: the deadline policy table in words (kind, complexity, stage → amount and unit, extension, source). */
export function PoliciesPage() {
  const { t } = useTranslation();
  const policies = useApiQuery((signal) => fetchPolicies(signal), []);
  const any = (value: string, prefix: string) => (value === '*' ? t('policies.anyValue') : t(`${prefix}.${value}`));
  const columns: ColumnsType<DeadlinePolicy> = [
    { title: t('policies.kind'), dataIndex: 'kind', key: 'kind', render: (v: string) => any(v, 'enums.kind') },
    { title: t('policies.complexity'), dataIndex: 'complexity', key: 'complexity', render: (v: string) => any(v, 'enums.complexity') },
    { title: t('policies.stage'), dataIndex: 'stage', key: 'stage', render: (v: string) => t(`supervision.stages.${v}`) },
    { title: t('policies.limit'), key: 'limit', render: (_, p) => `${p.amount} ${t(`timeUnits.${p.unit}`)}` },
    { title: t('policies.maxExtension'), key: 'ext', render: (_, p) => (p.maxExtension ? `${p.maxExtension.amount} ${t(`timeUnits.${p.maxExtension.unit}`)}` : '—') },
    { title: t('policies.source'), dataIndex: 'source', key: 'source', render: (v?: string) => v ?? '—' },
  ];
  return (
    <>
      <PageHeader title={t('policies.title')} subtitle={t('policies.subtitle')} />
      <ErrorAlert error={policies.error} onRetry={policies.reload} />
      <Table<DeadlinePolicy>
        size="middle"
        rowKey={(p) => `${p.kind}-${p.complexity}-${p.stage}`}
        data-testid="policies-table"
        columns={columns}
        dataSource={policies.data?.policies ?? []}
        loading={policies.loading}
        scroll={{ x: 'max-content' }}
        pagination={false}
      />
    </>
  );
}
