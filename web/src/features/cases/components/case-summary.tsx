import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseDetail } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { useCategoryNames } from '../../../components/category-tree-select.js';
import { caseUrgesQuery } from '../api/cases-api.js';
import { describeEventData } from './event-data.js';

/** 基本信息: what, where, from which channel, at which centre; repeat-visit links. */
export function CaseSummaryCard({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryNames();
  const urges = useQuery(caseUrgesQuery(detail.id));
  const lastUrge = urges.data?.items[0];
  const outcome = detail.outcome
    ? describeEventData({ outcome: detail.outcome }, i18n.language, t, { unitName: String, categoryName })
    : [];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('cases.summary')}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="case-summary"
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('cases.code')}>
          <span data-testid="case-tracking-code">{detail.trackingCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.kind')}>{t(`enums.kind.${detail.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.category')}>{categoryName(detail.categoryCode)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.complexity')}>
          {t(`enums.complexity.${detail.complexity}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.channel')}>
          {t(`enums.channel.${detail.channel}`)}
          {detail.transfer && ` · ${t(`enums.transferSource.${detail.transfer.source}`)} ${detail.transfer.reference}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.region')}>{detail.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('cases.centre')}>{detail.centre.name}</Descriptions.Item>
        <Descriptions.Item label={t('cases.leadUnit')}>{detail.leadUnit?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('cases.receivedAt')}>
          {formatTime(detail.receivedAt, i18n.language)}
        </Descriptions.Item>
        {detail.address && <Descriptions.Item label={t('cases.address')}>{detail.address}</Descriptions.Item>}
        <Descriptions.Item label={t('cases.description')} span={2}>
          {detail.description}
        </Descriptions.Item>
        {outcome.length > 0 && (
          <Descriptions.Item label={t('cases.outcome')} span={2}>
            {outcome.join(' ')}
          </Descriptions.Item>
        )}
        {urges.data && (
          <Descriptions.Item label={t('cases.urges')} span={2}>
            <span data-testid="case-urges">
              {t('cases.urgeCount', { count: urges.data.total })}
              {lastUrge && ` · ${t('cases.urgeLast', { at: formatTime(lastUrge.at, i18n.language) })}`}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('common.details')} span={2}>
          {t('cases.counters', detail.counters)}
        </Descriptions.Item>
        {detail.links.length + detail.linksElsewhere > 0 && (
          <Descriptions.Item label={t('cases.links')} span={2}>
            <Space wrap size={4} data-testid="case-links">
              {detail.links.map((link) => (
                <Tag
                  key={`${link.kind}-${link.caseId}`}
                  bordered={false}
                  style={{ color: '#871400', background: '#fff1f0' }}
                >
                  {t(`enums.link.${link.kind}`)}{' '}
                  <Link to={`/cases/${link.caseId}`}>{link.trackingCode ?? `#${link.caseId}`}</Link>
                </Tag>
              ))}
              {detail.linksElsewhere > 0 && (
                <span data-testid="case-links-elsewhere">
                  {t('cases.linksElsewhere', { count: detail.linksElsewhere })}
                </span>
              )}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
