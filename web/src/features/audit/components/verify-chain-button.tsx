import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { verifyAuditChain } from '../api/audit-api.js';

/** Asks the server to re-hash the whole chain and shows what it found. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<unknown>(null);

  const verify = async () => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      setResult(await verifyAuditChain());
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div style={{ marginBottom: 16 }}>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={running}
        onClick={() => void verify()}
        data-testid="audit-verify"
      >
        {t('audit.verify')}
      </Button>
      <div aria-live="polite" style={{ marginTop: result || error ? 12 : 0 }}>
        <ErrorAlert error={error} />
        {result && (
          <Alert
            data-testid="audit-verify-result"
            type={result.ok ? 'success' : 'error'}
            showIcon
            message={
              result.ok
                ? t('audit.verifyOk', { checked: result.checked })
                : t('audit.verifyBroken', { checked: result.checked, id: result.firstBrokenId ?? '?' })
            }
            description={!result.ok && result.reason ? t('audit.verifyReason', { reason: result.reason }) : undefined}
          />
        )}
      </div>
    </div>
  );
}
