import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedPartnerKey, PartnerKeyView } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useApiQuery } from '../../../hooks/use-api-query.js';
import { fetchPartnerKeys, revokePartnerKey } from '../api/partner-keys-api.js';
import { IssueKeyDrawer } from './issue-key-drawer.js';
import { IssuedKeyModal } from './issued-key-modal.js';
import { PartnerKeysTable } from './partner-keys-table.js';

/** 合作方密钥: administrators issue Open311 keys bound to a channel and a jurisdiction, and revoke them. */
export function PartnerKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const keys = useApiQuery((signal) => fetchPartnerKeys(signal), []);
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedPartnerKey | null>(null);
  const [error, setError] = useState<unknown>(null);

  const revoke = async (key: PartnerKeyView) => {
    setError(null);
    try {
      await revokePartnerKey(key.id);
      message.success(t('partnerKeys.revokedDone'));
      keys.reload();
    } catch (failure) {
      setError(failure);
    }
  };

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
      <ErrorAlert error={keys.error ?? error} onRetry={keys.reload} />
      <PartnerKeysTable keys={keys.data} loading={keys.loading} onRevoke={(key) => void revoke(key)} />
      <IssueKeyDrawer
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(key) => {
          setIssuing(false);
          setIssued(key);
          keys.reload();
        }}
      />
      <IssuedKeyModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
