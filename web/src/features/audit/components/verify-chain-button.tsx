import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { verifyAuditChain } from '../api/audit-api.js';

/** Asks the server to re-hash the whole chain and shows what it found. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  // A GET, but run on demand and re-hashing the whole chain each time: a mutation, not a cached query.
  const verification = useMutation({ mutationFn: verifyAuditChain });
  const result = verification.isPending ? undefined : verification.data;
  const error = verification.error;

  return (
    <div style={{ marginBottom: 16 }}>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verification.isPending}
        onClick={() => verification.mutate()}
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
