import { Descriptions, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../api/new-key.js';
import { caseStatusStyle } from '../../../components/case-status-tag.js';
import type { PublicCase } from '../api/public-api.js';
import { pick } from '../i18n-public.js';

/** The case as the public sees it: status in words, unit, deadline, timeline without names, outcome. */
export function CaseResult({ view }: { view: PublicCase }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div data-testid="public-case">
      <Descriptions column={1} size="small" bordered layout="vertical" style={{ overflowWrap: 'anywhere' }}>
        <Descriptions.Item label={t('portal.track.code')}>
          <span style={{ fontFamily: 'monospace' }}>{view.trackingCode}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.track.status')}>
          <Tag bordered={false} style={caseStatusStyle(view.status)} data-testid="public-status">
            {pick(view.statusText, lang)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.track.category')}>{pick(view.categoryName, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('portal.track.unit')}>
          {view.unit ? `${view.unit.name}（${pick(view.unit.levelName, lang)}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.track.deadline')}>
          <span data-testid="public-deadline">
            {view.deadline ? formatTime(view.deadline, lang) : t('portal.track.noDeadline')}
          </span>
          {view.deadline && view.deadlineProvisional && (
            <span data-testid="public-deadline-provisional">（{t('portal.track.provisional')}）</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.track.received')}>{formatTime(view.receivedAt, lang)}</Descriptions.Item>
        {view.urges.total > 0 && (
          <Descriptions.Item label={t('portal.nav.urge')}>
            {t('portal.track.urges', { count: view.urges.total })}
          </Descriptions.Item>
        )}
      </Descriptions>
      {view.outcome && (
        <div style={{ marginTop: 12 }} data-testid="public-outcome">
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('portal.track.outcome')}
          </Typography.Title>
          <Typography.Paragraph>
            <Tag>{pick(view.outcome.text, lang)}</Tag>
            {view.outcome.summary}
          </Typography.Paragraph>
        </div>
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 12 }}>
        {t('portal.track.timeline')}
      </Typography.Title>
      <Timeline
        data-testid="public-timeline"
        items={view.timeline.map((e) => ({
          children: (
            <>
              <div>
                {pick(e.text, lang)}
                {e.unitName ? ` · ${e.unitName}` : ''}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(e.at, lang)}
              </Typography.Text>
            </>
          ),
        }))}
      />
    </div>
  );
}
