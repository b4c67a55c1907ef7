import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../../i18n/i18n.js';
import { LANGUAGES, isLanguage } from '../../i18n/languages.js';

/** Switches the interface language; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      data-testid="language-switch"
      aria-label={t('lang.label')}
      value={i18n.language}
      size="small"
      variant="borderless"
      prefix={<GlobalOutlined aria-hidden />}
      style={{ minWidth: 104 }}
      popupMatchSelectWidth={false}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`lang.${language}`) }))}
      onChange={(value: string) => {
        if (isLanguage(value)) void switchLanguage(value);
      }}
    />
  );
}
