import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth-context.js';

const { Text } = Typography;

/** "Name · unit · jurisdiction (breadcrumb names)" for the header, or stacked in the phone menu. */
export function UserSummary({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const jurisdiction = me.jurisdiction.breadcrumb.map((region) => region.name).join(' / ') || me.jurisdiction.name;
  const color = stacked ? 'rgba(255,255,255,0.9)' : undefined;
  const itemStyle = stacked ? { display: 'block', color } : { maxWidth: 320, color };
  return (
    // A fieldset for its implicit group role; it holds text, not inputs, so its own frame is removed.
    <fieldset
      aria-label={t('header.account')}
      style={{
        border: 0,
        margin: 0,
        padding: 0,
        display: 'flex',
        flexDirection: stacked ? 'column' : 'row',
        gap: stacked ? 2 : 12,
        minWidth: 0,
        alignItems: stacked ? 'stretch' : 'center',
      }}
    >
      <Text strong data-testid="header-user-name" style={{ color, whiteSpace: 'nowrap' }}>
        {me.displayName}
      </Text>
      <Text data-testid="header-unit" ellipsis={{ tooltip: me.unit.name }} style={itemStyle}>
        <span className="cg-visually-hidden">{t('header.unit')}: </span>
        {me.unit.name}
      </Text>
      <Text data-testid="header-jurisdiction" ellipsis={{ tooltip: jurisdiction }} style={itemStyle}>
        <span className="cg-visually-hidden">{t('header.jurisdiction')}: </span>
        {jurisdiction}
      </Text>
    </fieldset>
  );
}
