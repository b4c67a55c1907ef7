import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { App, Button, Card, Col, Row, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BacklogBoard, Card as WarningCard, ListedExtensionRequest } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { useCan } from '../../../app/auth-context.js';
import { CardTag } from '../../../components/case-status-tag.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { FilterBar, FilterField } from '../../../components/filter-bar.js';
import { EnumSelect } from '../../../components/enum-select.js';
import { PageHeader } from '../../../components/page-header.js';
import { ProvisionalTag } from '../../../components/provisional-tag.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import { useSave } from '../../../hooks/use-save.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { caseKeys } from '../../cases/api/cases-api.js';
import {
  backlogQuery,
  cardsQuery,
  decideExtension,
  extensionRequestsQuery,
  supervisionKeys,
} from '../api/supervision-api.js';
import { CARD_COLOURS } from '../../../api/contract-types.js';

const COLOURS = CARD_COLOURS;
type Key = 'colour' | 'region';
const KEYS: readonly Key[] = ['colour', 'region'];
// Titles and reasons wrap at this width so one long text does not stretch a table past the screen.
const wrap = (text: string) => <span style={{ display: 'inline-block', maxWidth: 280 }}>{text}</span>;
// A unit or region outside the reader's region scope comes back unnamed.
const named = (name: string | null) => name ?? '—';

/** 督办: cards by colour and region, extension requests to decide (each names its case, unit and region and links to the case), the petition backlog. */
export function SupervisionPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const mayDecide = useCan('extension.decide');
  const { filters, setFilters, resetFilters } = useUrlFilters(KEYS);
  const cards = useQuery(cardsQuery({ ...filters, limit: 200 }));
  const requests = useQuery(extensionRequestsQuery({ status: 'requested' }));
  const backlog = useQuery(backlogQuery(filters.region ? { region: filters.region } : {}));
  const time = (at: string | null) => formatTime(at, i18n.language);
  const caseLink = (id: number, trackingCode: string) => <Link to={`/cases/${id}`}>{trackingCode}</Link>;
  // A refused decision stays on the page as a sentence in the reader's language until the next attempt.
  // An approval moves the stage's deadline: the case and its cards change with it.
  const {
    error: decideError,
    saving,
    run,
  } = useSave([supervisionKeys.extensions, supervisionKeys.cards, caseKeys.all]);
  const [deciding, setDeciding] = useState<number | null>(null);

  const decide = (id: number, decision: 'approve' | 'refuse') => {
    setDeciding(id);
    return run(async () => {
      await decideExtension(id, decision);
      message.success(t('supervision.decided'));
    });
  };

  const cardColumns: ColumnsType<WarningCard> = [
    {
      title: t('supervision.colour'),
      dataIndex: 'colour',
      key: 'colour',
      render: (c: string) => <CardTag colour={c} label={t(`supervision.cards.${c}`)} />,
    },
    { title: t('cases.code'), key: 'code', render: (_, c) => caseLink(c.caseId, c.trackingCode) },
    { title: t('cases.titleCol'), dataIndex: 'caseTitle', key: 'title', render: wrap },
    { title: t('supervision.handlingUnit'), dataIndex: 'unitName', key: 'unit', render: named },
    { title: t('cases.region'), dataIndex: 'regionName', key: 'region', render: named },
    {
      title: t('supervision.stage'),
      dataIndex: 'stage',
      key: 'stage',
      // The stage's deadline may be provisional (counted into a year without an entered schedule).
      render: (s: string, c) => (
        <Space size={4} wrap>
          {t(`supervision.stages.${s}`)}
          <ProvisionalTag provisional={c.provisional} testId={`provisional-card-${c.id}`} />
        </Space>
      ),
    },
    // A card's dueAt is when its threshold was reached (80 % of the time, the deadline, …), not the stage's deadline.
    { title: t('supervision.triggeredAt'), dataIndex: 'dueAt', key: 'due', render: time },
    { title: t('supervision.issuedAt'), dataIndex: 'issuedAt', key: 'issued', render: time },
  ];
  const requestColumns: ColumnsType<ListedExtensionRequest> = [
    { title: t('cases.code'), key: 'code', render: (_, r) => caseLink(r.caseId, r.trackingCode) },
    { title: t('cases.titleCol'), dataIndex: 'caseTitle', key: 'title', render: wrap },
    { title: t('supervision.requestingUnit'), dataIndex: 'unitName', key: 'unit', render: named },
    {
      title: t('supervision.stage'),
      dataIndex: 'stage',
      key: 'stage',
      render: (s: string) => t(`supervision.stages.${s}`),
    },
    { title: t('supervision.amount'), key: 'amount', render: (_, r) => `${r.amount} ${t(`timeUnits.${r.unit}`)}` },
    { title: t('supervision.reason'), dataIndex: 'reason', key: 'reason', render: wrap },
    {
      title: t('common.actions'),
      key: 'actions',
      // Pinned, so the decision stays in reach while the wide row scrolls on a narrow screen.
      fixed: 'right',
      render: (_, r) =>
        mayDecide && (
          <Space size={0}>
            <Button type="link" disabled={saving && deciding === r.id} onClick={() => void decide(r.id, 'approve')}>
              {t('supervision.approve')}
            </Button>
            <Button
              type="link"
              danger
              disabled={saving && deciding === r.id}
              onClick={() => void decide(r.id, 'refuse')}
            >
              {t('supervision.refuse')}
            </Button>
          </Space>
        ),
    },
  ];
  const backlogColumns: ColumnsType<BacklogBoard['items'][number]> = [
    {
      title: t('supervision.colour'),
      dataIndex: 'colour',
      key: 'colour',
      render: (c: string) => <CardTag colour={c} label={t(`supervision.backlogColours.${c}`)} />,
    },
    { title: t('cases.code'), key: 'code', render: (_, b) => caseLink(b.caseId, b.trackingCode) },
    { title: t('cases.titleCol'), dataIndex: 'title', key: 'title' },
    { title: t('cases.status'), dataIndex: 'status', key: 'status', render: (s: string) => t(`enums.status.${s}`) },
    {
      title: t('cases.receivedAt'),
      dataIndex: 'ageDays',
      key: 'age',
      render: (days: number) => t('supervision.ageDays', { days }),
    },
  ];
  const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
  return (
    <>
      <PageHeader title={t('supervision.title')} subtitle={t('supervision.subtitle')} />
      <FilterBar values={filters} onSearch={setFilters} onReset={resetFilters} label={t('common.search')}>
        <FilterField name="colour" label={t('supervision.colour')}>
          <EnumSelect values={COLOURS} prefix="supervision.cards" allowClear placeholder={t('common.all')} />
        </FilterField>
        <FilterField name="region" label={t('cases.region')}>
          <RegionPicker />
        </FilterField>
      </FilterBar>
      <ErrorAlert
        error={cards.error ?? requests.error ?? backlog.error}
        onRetry={() => {
          void cards.refetch();
          void requests.refetch();
          void backlog.refetch();
        }}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="card-counts">
        {COLOURS.map((colour) => (
          <Col xs={8} key={colour}>
            <Card size="small">
              <Statistic
                title={<CardTag colour={colour} label={t(`supervision.cards.${colour}`)} />}
                value={cards.data?.counts[colour] ?? 0}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={h2(t('tasks.myCards'))} style={{ marginBottom: 16 }}>
        <Table<WarningCard>
          size="small"
          rowKey="id"
          data-testid="cards-table"
          columns={cardColumns}
          dataSource={cards.data?.items ?? []}
          loading={cards.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: t('supervision.noCards') }}
        />
      </Card>
      <Card title={h2(t('supervision.extensions'))} style={{ marginBottom: 16 }}>
        <ErrorAlert error={decideError} />
        <Table<ListedExtensionRequest>
          size="small"
          rowKey="id"
          data-testid="extension-requests-table"
          columns={requestColumns}
          dataSource={requests.data ?? []}
          loading={requests.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={false}
        />
      </Card>
      <Card title={h2(t('supervision.backlog'))}>
        <Table
          size="small"
          rowKey="caseId"
          columns={backlogColumns}
          dataSource={backlog.data?.items ?? []}
          loading={backlog.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20 }}
        />
      </Card>
    </>
  );
}
