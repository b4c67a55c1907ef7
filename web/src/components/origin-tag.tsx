import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where a configuration row comes from, as the API marks it (dispatch rules, deadline policies, card rules). */
export type Origin = { regionCode: string | null; regionName: string | null; inherited: boolean };

/** The words for an origin: this jurisdiction, an inherited region's name, or the deployment's default. */
export function useOriginLabel(): (o: Origin) => string {
  const { t } = useTranslation();
  return (o) =>
    !o.inherited
      ? t('jurisdiction.own')
      : t('jurisdiction.inheritedFrom', { name: o.regionName ?? o.regionCode ?? t('jurisdiction.top') });
}

/** This jurisdiction's own row (green) or an inherited, read-only one (grey); colours pass contrast checks. */
export function OriginTag({ origin }: { origin: Origin }) {
  const label = useOriginLabel()(origin);
  return origin.inherited ? (
    <Tag bordered={false} style={{ color: '#595959', background: '#f0f0f0' }} data-testid="origin-inherited">
      {label}
    </Tag>
  ) : (
    <Tag bordered={false} style={{ color: '#135200', background: '#f6ffed' }} data-testid="origin-own">
      {label}
    </Tag>
  );
}

/** Says that what the page shows is set at the deployment's top (the calendar, the category tree): read-only here. */
export function TopOnlyNote({ what, testId }: { what: 'calendar' | 'categories'; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('jurisdiction.topOnly', { what: t(`jurisdiction.${what}`) })}
      data-testid={testId}
    />
  );
}
