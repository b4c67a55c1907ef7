import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { VISUALLY_HIDDEN } from './visually-hidden.js';

const TAG_STYLE = {
  display: 'inline-block',
  padding: '0 7px',
  fontSize: 12,
  lineHeight: '20px',
  borderRadius: 4,
  color: '#873800',
  background: '#fff2e8',
  cursor: 'help',
} as const;

/**
 * 暂定 / Provisional beside a deadline counted into a year whose holiday schedule is not entered yet;
 * the tooltip says why on hover, and screen readers read the reason with the word.
 */
export function ProvisionalTag({ provisional, testId }: { provisional: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!provisional) return null;
  return (
    <Tooltip title={t('calendar.provisionalHint')}>
      {/* A span styled as a tag: antd's Tag under a Tooltip takes its click handler and starts a wave effect. */}
      <span style={TAG_STYLE} data-testid={testId ?? 'provisional-tag'}>
        {t('calendar.provisional')}
        {/* The reason, for screen readers (the tooltip shows it on hover). */}
        <span style={VISUALLY_HIDDEN}>{`: ${t('calendar.provisionalHint')}`}</span>
      </span>
    </Tooltip>
  );
}
