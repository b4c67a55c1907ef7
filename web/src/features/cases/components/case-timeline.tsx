import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { useCategoryNames } from '../../../components/category-tree-select.js';
import { describeEventData } from './event-data.js';

/** 流转记录: who (name, unit), when, from → to, the reason and the event's data in words. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryNames();
  const units = new Map(detail.assignments.map((a) => [a.unit.id, a.unit.name]));
  units.set(detail.centre.id, detail.centre.name);
  const namers = { unitName: (id: number) => units.get(id) ?? `#${id}`, categoryName };
  const items = [...detail.timeline].reverse().map((entry) => {
    const status = (s: string) => t(`enums.status.${s}`);
    const move = entry.fromStatus
      ? t('cases.from', { from: status(entry.fromStatus), to: status(entry.toStatus) })
      : t('cases.created', { to: status(entry.toStatus) });
    const lines = describeEventData(entry.data, i18n.language, t, namers);
    const action = t(`events.${entry.type}`, { defaultValue: entry.type });
    return {
      key: entry.version,
      children: (
        <div data-testid={`timeline-${entry.version}`}>
          <Typography.Text strong>{action}</Typography.Text> <span style={{ color: 'rgba(0,0,0,0.75)' }}>· {move}</span>
          <div style={{ color: 'rgba(0,0,0,0.75)', fontSize: 13 }}>
            {formatTime(entry.at, i18n.language)} · {entry.actor.name}
            {entry.actor.unitName ? `（${entry.actor.unitName}）` : ''}
          </div>
          {entry.reason && !lines.includes(entry.reason) && !Object.values(entry.data).includes(entry.reason) && (
            <div>
              {t('actionForm.reason')}：{entry.reason}
            </div>
          )}
          {lines.map((line) => (
            <div key={line} style={{ fontSize: 13 }}>
              {line}
            </div>
          ))}
        </div>
      ),
    };
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('cases.timeline')}</h2>} data-testid="case-timeline">
      <Timeline items={items} />
    </Card>
  );
}
