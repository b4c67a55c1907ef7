import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../../api/contract-types.js';

const COLOURS: Record<AuditRecord['outcome'], { color: string; background: string }> = {
  ok: { color: '#135200', background: '#f6ffed' },
  denied: { color: '#7a3b00', background: '#fff7e6' },
  failed: { color: '#820014', background: '#fff1f0' },
};

export function AuditOutcomeTag({ outcome }: { outcome: AuditRecord['outcome'] }) {
  const { t } = useTranslation();
  return (
    <Tag bordered={false} style={COLOURS[outcome]}>
      {t(`audit.outcomes.${outcome}`)}
    </Tag>
  );
}
