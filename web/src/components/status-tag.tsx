import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Active / disabled, with colours that pass contrast checks. */
export function StatusTag({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return disabled ? (
    <Tag bordered={false} style={{ color: '#595959', background: '#f0f0f0' }}>
      {t('common.disabled')}
    </Tag>
  ) : (
    <Tag bordered={false} style={{ color: '#135200', background: '#f6ffed' }}>
      {t('common.enabled')}
    </Tag>
  );
}
