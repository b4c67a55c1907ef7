import { useTranslation } from 'react-i18next';

/** The product name at the top of the side menu. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: '16px 16px 12px', color: '#fff' }}>
      <div style={{ fontSize: 18, fontWeight: 600, letterSpacing: 0.5 }}>{t('app.shortName')}</div>
      <div style={{ fontSize: 12, color: 'rgba(255,255,255,0.85)', lineHeight: 1.4 }}>{t('app.name')}</div>
    </div>
  );
}
