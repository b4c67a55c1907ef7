import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedPartnerKey, PartnerKeyView } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useSave } from '../../../hooks/use-save.js';
import { partnerKeyKeys, partnerKeysQuery, revokePartnerKey } from '../api/partner-keys-api.js';
import { IssueKeyDrawer } from './issue-key-drawer.js';
import { IssuedKeyModal } from './issued-key-modal.js';
import { PartnerKeysTable } from './partner-keys-table.js';

/** 合作方密钥: administrators issue Open311 keys bound to a channel and a jurisdiction, and revoke them. */
export function PartnerKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const keys = useQuery(partnerKeysQuery());
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedPartnerKey | null>(null);
  const { error, run } = useSave([partnerKeyKeys.all]);

  const revoke = (key: PartnerKeyView) =>
    run(async () => {
      await revokePartnerKey(key.id);
      message.success(t('partnerKeys.revokedDone'));
    });

  return (
    <>
      <PageHeader
        title={t('partnerKeys.title')}
        subtitle={t('partnerKeys.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIssuing(true)}
            data-testid="partner-key-issue"
          >
            {t('partnerKeys.issue')}
          </Button>
        }
      />
      <ErrorAlert error={keys.error ?? error} onRetry={keys.refetch} />
      <PartnerKeysTable keys={keys.data} loading={keys.isFetching} onRevoke={(key) => void revoke(key)} />
      <IssueKeyDrawer
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(key) => {
          setIssuing(false);
          setIssued(key);
        }}
      />
      <IssuedKeyModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
