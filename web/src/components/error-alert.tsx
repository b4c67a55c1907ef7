import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/error-message.js';

/** An API error as a readable sentence in the user's language, with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      message={describeError(error, t)}
      style={{ marginBottom: 16 }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
