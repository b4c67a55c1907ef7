import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CARD_COLOURS } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { CardTag } from '../../../components/case-status-tag.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { cardsQuery } from '../../supervision/api/supervision-api.js';

const SHOWN = 5;
const severity = (colour: string) => CARD_COLOURS.indexOf(colour as (typeof CARD_COLOURS)[number]);

/**
 * 辖区督办 on a leader's or dispatcher's workbench: how many cards of each colour are out in their
 * jurisdiction and the most severe cases, each linking to the case; the board itself is under 督办.
 */
export function SupervisionSummary() {
  const { t, i18n } = useTranslation();
  const cards = useQuery(cardsQuery({ limit: 100 }));
  const worst = [...(cards.data?.items ?? [])]
    .sort((a, b) => severity(b.colour) - severity(a.colour) || a.dueAt.localeCompare(b.dueAt))
    .slice(0, SHOWN);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('tasks.boardTitle')}</h2>}
      data-testid="workbench-supervision"
      extra={<Link to="/supervision">{t('tasks.boardAll')}</Link>}
    >
      <ErrorAlert error={cards.error} onRetry={cards.refetch} />
      <Space size="large" wrap style={{ marginBottom: 8 }}>
        {CARD_COLOURS.map((colour) => (
          <Statistic
            key={colour}
            title={<CardTag colour={colour} label={t(`supervision.cards.${colour}`)} />}
            value={cards.data?.counts[colour] ?? 0}
          />
        ))}
      </Space>
      {cards.data && worst.length === 0 ? (
        <Empty
          description={<span style={{ color: 'rgba(0,0,0,0.75)' }}>{t('tasks.boardEmpty')}</span>}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
        />
      ) : (
        <List
          loading={cards.isFetching}
          dataSource={worst}
          renderItem={(card) => (
            <List.Item
              key={card.id}
              extra={<CardTag colour={card.colour} label={t(`supervision.cards.${card.colour}`)} />}
            >
              <List.Item.Meta
                title={
                  <Link
                    to={`/cases/${card.caseId}`}
                    data-testid={`board-${card.trackingCode}`}
                  >{`${card.trackingCode} ${card.caseTitle}`}</Link>
                }
                description={
                  <span style={{ color: 'rgba(0,0,0,0.75)' }}>
                    {`${card.unitName ?? '—'} · ${t(`supervision.stages.${card.stage}`)} · ${t('tasks.issued', { time: formatTime(card.issuedAt, i18n.language) })}`}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
      <p style={{ color: 'rgba(0,0,0,0.75)', margin: '8px 0 0' }}>{t('tasks.boardHint')}</p>
    </Card>
  );
}
