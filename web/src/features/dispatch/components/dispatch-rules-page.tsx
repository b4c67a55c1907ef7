import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchRule } from '../../../api/contract-types.js';
import { useCan } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { OriginTag } from '../../../components/origin-tag.js';
import { PageHeader } from '../../../components/page-header.js';
import { useUnitTypes } from '../../units/components/use-unit-types.js';
import { useSave } from '../../../hooks/use-save.js';
import { deleteDispatchRule, dispatchRuleKeys, dispatchRulesQuery, updateDispatchRule } from '../api/dispatch-api.js';
import { DryRunPanel } from './dry-run-panel.js';
import { RuleEditDrawer } from './rule-edit-drawer.js';

/** 派单规则: the ordered rules with their conditions and targets; the administrator edits; everyone may dry-run. */
export function DispatchRulesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCan('dispatch_rule.write');
  const rules = useQuery(dispatchRulesQuery());
  const unitTypes = useUnitTypes();
  const [editing, setEditing] = useState<DispatchRule | 'new' | null>(null);
  const { error, run } = useSave([dispatchRuleKeys.all]);
  const zh = i18n.language.startsWith('zh');

  const change = (work: () => Promise<unknown>) =>
    run(async () => {
      await work();
      message.success(t('common.saved'));
    });

  const conditions = (r: DispatchRule) => {
    const parts = [
      r.kind && t(`enums.kind.${r.kind}`),
      r.categoryCode && ((zh ? r.categoryNameZh : r.categoryNameEn) ?? r.categoryCode),
      r.complexity && t(`enums.complexity.${r.complexity}`),
      r.channel && t(`enums.channel.${r.channel}`),
      r.crossRegion !== null && `${t('rules.crossRegion')}：${r.crossRegion ? t('rules.yes') : t('rules.no')}`,
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('rules.any');
  };

  const columns: ColumnsType<DispatchRule> = [
    { title: t('rules.position'), dataIndex: 'position', key: 'position', width: 72 },
    { title: t('rules.name'), dataIndex: 'name', key: 'name' },
    { title: t('jurisdiction.source'), key: 'source', render: (_, r) => <OriginTag origin={r} /> },
    { title: t('rules.conditions'), key: 'conditions', render: (_, r) => conditions(r) },
    {
      title: t('rules.target'),
      key: 'target',
      render: (_, r) => `${t(`levels.${r.targetLevel}`)} · ${unitTypes.typeName(r.targetUnitType)}`,
    },
    {
      title: t('rules.fallback'),
      dataIndex: 'fallback',
      key: 'fallback',
      render: (f: string) => t(`rules.fallbacks.${f}`),
    },
    {
      title: t('rules.enabled'),
      key: 'enabled',
      render: (_, r) => (
        <Switch
          checked={r.enabled}
          disabled={!canEdit || r.inherited}
          aria-label={`${t('rules.enabled')} ${r.name}`}
          onChange={(enabled) => void change(() => updateDispatchRule(r.id, { enabled }))}
        />
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      // Inherited rules are read-only here: another jurisdiction set them; a rule of one's own overrides them.
      render: (_, r) =>
        r.inherited ? null : (
          <Space size={0}>
            <Button
              type="link"
              onClick={() => setEditing(r)}
              aria-label={`${t('common.edit')} ${r.name}`}
              data-testid={`rule-edit-${r.id}`}
            >
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('rules.deleteConfirm', { name: r.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() => void change(() => deleteDispatchRule(r.id))}
            >
              <Button type="link" danger aria-label={`${t('common.delete')} ${r.name}`}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('rules.title')}
        subtitle={t('rules.subtitle')}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-create">
              {t('rules.create')}
            </Button>
          )
        }
      />
      {canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('jurisdiction.rulesHint')} />}
      <DryRunPanel />
      <ErrorAlert error={rules.error ?? unitTypes.error ?? error} onRetry={rules.refetch} />
      <Table<DispatchRule>
        size="middle"
        rowKey="id"
        data-testid="rules-table"
        columns={columns}
        dataSource={rules.data ?? []}
        loading={rules.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={false}
      />
      <RuleEditDrawer
        target={editing}
        typeOptions={unitTypes.options}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
        }}
      />
    </>
  );
}
