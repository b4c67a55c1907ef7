import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 暂定 / Provisional beside a deadline counted into a year whose holiday schedule is not entered yet;
 * the tooltip says why (and is reachable by keyboard: the tag takes focus).
 */
export function ProvisionalTag({ provisional, testId }: { provisional: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!provisional) return null;
  return (
    <Tooltip title={t('calendar.provisionalHint')}>
      <Tag
        bordered={false}
        tabIndex={0}
        aria-label={`${t('calendar.provisional')}: ${t('calendar.provisionalHint')}`}
        style={{ color: '#873800', background: '#fff2e8', cursor: 'help' }}
        data-testid={testId ?? 'provisional-tag'}
      >
        {t('calendar.provisional')}
      </Tag>
    </Tooltip>
  );
}
