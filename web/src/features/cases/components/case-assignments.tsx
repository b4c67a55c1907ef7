import { Card, Descriptions, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { ProvisionalTag } from '../../../components/provisional-tag.js';

const cardStyle: Record<string, { color: string; background: string }> = {
  blue: { color: '#003eb3', background: '#e6f4ff' },
  yellow: { color: '#613400', background: '#fff1b8' },
  red: { color: '#820014', background: '#fff1f0' },
};

type Stages = CaseDetail['assignments'][number]['stages'];
type Cards = CaseDetail['assignments'][number]['cards'];

/** 时限与督办: each timed stage of the assignment with its deadline, and the cards it drew. */
function AssignmentDeadlines({ stages, cards }: { stages: Stages; cards: Cards }) {
  const { t, i18n } = useTranslation();
  if (stages.length === 0) return null;
  return (
    <Space direction="vertical" size={2} data-testid="assignment-deadlines">
      {stages.map((s) => (
        <Space key={`${s.stage}-${s.startAt}`} wrap size={4}>
          <span>{t(`supervision.stages.${s.stage}`)}</span>
          <span>
            {t('supervision.dueAt')}: {s.dueAt ? formatTime(s.dueAt, i18n.language) : t('cases.clockStopped')}
          </span>
          <ProvisionalTag provisional={s.completedAt === null && s.provisional} testId={`provisional-${s.stage}`} />
          {s.completedAt && (
            <span>
              ({t('cases.endedAt')}: {formatTime(s.completedAt, i18n.language)})
            </span>
          )}
          {cards
            .filter((c) => c.stage === s.stage)
            .map((c) => (
              <Tag key={c.colour} bordered={false} style={cardStyle[c.colour]}>
                {t(`supervision.cards.${c.colour}`)}
                {c.clearedAt ? ` · ${t('cases.cardCleared')}` : ''}
              </Tag>
            ))}
        </Space>
      ))}
    </Space>
  );
}

/** 交办情况: each unit's task, lead or co-unit, with its state and times. */
export function CaseAssignments({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('cases.assignments')}</h2>}
      data-testid="case-assignments"
      style={{ marginBottom: 16 }}
    >
      <List
        dataSource={detail.assignments}
        locale={{ emptyText: t('common.noData') }}
        renderItem={(a) => (
          <List.Item key={a.seq}>
            <div style={{ width: '100%' }}>
              <Space wrap size={4} style={{ marginBottom: 4 }}>
                <strong>{a.unit.name}</strong>
                <Tag bordered={false} style={{ color: '#0b3d91', background: '#e6f4ff' }}>
                  {t(`enums.assignmentRole.${a.role}`)}
                </Tag>
                <Tag bordered={false} style={{ color: '#595959', background: '#f0f0f0' }}>
                  {t(`enums.assignmentState.${a.state}`)}
                </Tag>
              </Space>
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                {a.task && <Descriptions.Item label={t('cases.task')}>{a.task}</Descriptions.Item>}
                {a.reply && <Descriptions.Item label={t('cases.reply')}>{a.reply}</Descriptions.Item>}
                <Descriptions.Item label={t('cases.assignedAt')}>
                  {formatTime(a.assignedAt, i18n.language)}
                </Descriptions.Item>
                {a.signedAt && (
                  <Descriptions.Item label={t('cases.signedAt')}>
                    {formatTime(a.signedAt, i18n.language)}
                  </Descriptions.Item>
                )}
                {a.endedAt && (
                  <Descriptions.Item label={t('cases.endedAt')}>
                    {formatTime(a.endedAt, i18n.language)}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <AssignmentDeadlines stages={a.stages} cards={a.cards} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
