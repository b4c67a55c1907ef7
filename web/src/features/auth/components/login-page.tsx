import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/api-error.js';
import type { LoginInput, Me } from '../../../api/contract-types.js';
import { useAuth } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSave } from '../../../hooks/use-save.js';
import { isPending, login } from '../api/auth-api.js';
import { CodeStep } from './code-step.js';
import { EnrolmentStep } from './enrolment-step.js';
import { SignInFrame } from './sign-in-frame.js';

/** Only same-site paths: `?next=` must not send the user to another origin after sign-in. */
function safeNext(raw: string | null): string {
  return raw?.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/login') ? raw : '/';
}

type Step = { step: 'password' } | { step: 'code' | 'enrol'; pendingToken: string };

/**
 * Sign-in: the password, then — for accounts with or needing a second factor — the code step or
 * the enrolment. The pending token lives in this component's state only, never in the URL or storage.
 */
export function LoginPage() {
  const { status, signedIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ step: 'password' });
  const next = safeNext(params.get('next'));

  if (status === 'signedIn') return <Navigate to={next} replace />;

  const finish = (me: Me) => {
    signedIn(me);
    navigate(next, { replace: true });
  };
  const back = () => setStep({ step: 'password' });
  if (step.step === 'code') return <CodeStep pendingToken={step.pendingToken} onSignedIn={finish} onBack={back} />;
  if (step.step === 'enrol')
    return <EnrolmentStep pendingToken={step.pendingToken} onSignedIn={finish} onBack={back} />;
  return <PasswordStep onSignedIn={finish} onPending={setStep} />;
}

function PasswordStep({ onSignedIn, onPending }: { onSignedIn: (me: Me) => void; onPending: (s: Step) => void }) {
  const { t } = useTranslation();
  const { sessionExpired } = useAuth();
  const { saving: submitting, error, run } = useSave();
  const locked = error instanceof ApiError && error.code === 'TooManyAttempts';
  const [offerCode, setOfferCode] = useState(false);

  const submit = (values: LoginInput) =>
    run(
      async () => {
        const r = await login({ ...values, code: values.code?.trim() || undefined });
        if (isPending(r)) onPending({ step: r.next, pendingToken: r.pendingToken });
        else onSignedIn(r);
      },
      // A locked sign-in can still succeed with a second factor: offer the code field from now on.
      (failure) => {
        if (failure instanceof ApiError && failure.code === 'TooManyAttempts') setOfferCode(true);
      },
    );

  return (
    <SignInFrame title={t('auth.title')}>
      {sessionExpired && !error && (
        <Alert type="info" showIcon message={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
      )}
      <ErrorAlert error={error} />
      <Form<LoginInput> layout="vertical" name="login" onFinish={(values) => void submit(values)} requiredMark={false}>
        <Form.Item
          label={t('auth.username')}
          name="username"
          rules={[{ required: true, message: t('auth.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item
          label={t('auth.password')}
          name="password"
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined aria-hidden />}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        {(offerCode || locked) && (
          <Form.Item label={t('twoFactor.lockedCode')} name="code">
            <Input
              prefix={<SafetyOutlined aria-hidden />}
              autoComplete="one-time-code"
              maxLength={24}
              data-testid="login-locked-code"
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
    </SignInFrame>
  );
}
