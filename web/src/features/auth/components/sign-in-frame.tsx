import { Alert, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error.js';
import { describeError } from '../../../api/error-message.js';
import { LanguageSwitch } from '../../../app/layout/language-switch.js';
import type { Me } from '../../../api/contract-types.js';

/** What the steps after the password get: the pending token, and where to go when done or back. */
export type PendingStepProps = { pendingToken: string; onSignedIn: (me: Me) => void; onBack: () => void };

/** The sign-in card every step shares: language switch, product name, the step's heading. */
export function SignInFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f0f2f5' }}>
      <div style={{ width: '100%', maxWidth: 440 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
          <LanguageSwitch />
        </div>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0, fontWeight: 500 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </div>
    </main>
  );
}

/** A failed code step in words that fit it: a wrong code is not a wrong password. */
export function CodeStepError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message =
    error instanceof ApiError && error.code === 'InvalidCredentials'
      ? t('twoFactor.wrongCode')
      : error instanceof ApiError && error.code === 'Unauthenticated'
        ? t('twoFactor.expired')
        : describeError(error, t);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      message={message}
      style={{ marginBottom: 16 }}
    />
  );
}
