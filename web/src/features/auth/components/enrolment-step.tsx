import { SafetyOutlined } from '@ant-design/icons';
import { Button, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, TwoFactorEnrolment } from '../../../api/contract-types.js';
import { confirmEnrolment, startEnrolment } from '../api/auth-api.js';
import { useCodeSubmit } from '../hooks/use-code-submit.js';
import { CodeStepError, type PendingStepProps, SignInFrame } from './sign-in-frame.js';

/**
 * Two-factor enrolment, for an account that must have a second factor and has none: the QR code
 * and the secret as text, the first code to confirm, then the recovery codes, shown this once.
 */
export function EnrolmentStep({ pendingToken, onSignedIn, onBack }: PendingStepProps) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [done, setDone] = useState<{ me: Me; recoveryCodes: string[] } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const {
    form,
    submitting,
    error: codeError,
    submit,
  } = useCodeSubmit((code) => confirmEnrolment(pendingToken, code), setDone);

  useEffect(() => {
    let live = true;
    startEnrolment(pendingToken).then(
      (e) => live && setEnrolment(e),
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [pendingToken]);

  const error = loadError ?? codeError;
  if (done) return <RecoveryCodes codes={done.recoveryCodes} onContinue={() => onSignedIn(done.me)} />;

  return (
    <SignInFrame title={t('twoFactor.enrolTitle')}>
      <Typography.Paragraph type="secondary">{t('twoFactor.enrolIntro')}</Typography.Paragraph>
      <CodeStepError error={error} />
      {!enrolment && !error && (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      )}
      {!enrolment && Boolean(error) && (
        <Button block onClick={onBack} data-testid="login-back">
          {t('twoFactor.back')}
        </Button>
      )}
      {enrolment && (
        <>
          <div style={{ textAlign: 'center' }}>
            <img
              src={enrolment.qrDataUrl}
              alt={t('twoFactor.qrAlt')}
              width={200}
              height={200}
              data-testid="totp-qr"
              style={{ imageRendering: 'pixelated' }}
            />
          </div>
          <Typography.Paragraph>
            <Typography.Text strong>{t('twoFactor.secret')}</Typography.Text>
            <br />
            <Typography.Text code copyable={{ text: enrolment.secret }} data-testid="totp-secret">
              {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
            </Typography.Text>
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            name="enrol-confirm"
            onFinish={(v) => void submit(v)}
            requiredMark={false}
          >
            <Form.Item
              label={t('twoFactor.confirmCode')}
              name="code"
              rules={[{ required: true, message: t('twoFactor.codeRequired') }]}
            >
              <Input
                prefix={<SafetyOutlined aria-hidden />}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                data-testid="enrol-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="enrol-submit">
              {t('twoFactor.confirm')}
            </Button>
            <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
              {t('twoFactor.back')}
            </Button>
          </Form>
        </>
      )}
    </SignInFrame>
  );
}

function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue: () => void }) {
  const { t } = useTranslation();
  return (
    <SignInFrame title={t('twoFactor.recoveryTitle')}>
      <Typography.Paragraph type="secondary">{t('twoFactor.recoveryIntro')}</Typography.Paragraph>
      <ol
        data-testid="recovery-codes"
        style={{ fontFamily: 'monospace', fontSize: 15, paddingLeft: 36, margin: '0 0 12px', lineHeight: 1.7 }}
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <Typography.Paragraph
        copyable={{ text: codes.join('\n'), tooltips: [t('twoFactor.copy'), t('twoFactor.copied')] }}
      >
        {t('twoFactor.copy')}
      </Typography.Paragraph>
      <Button type="primary" block onClick={onContinue} data-testid="recovery-continue">
        {t('twoFactor.continue')}
      </Button>
    </SignInFrame>
  );
}
