import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { LoginInput } from '../../../api/contract-types.js';
import { useAuth } from '../../../app/auth-context.js';
import { LanguageSwitch } from '../../../app/layout/language-switch.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSave } from '../../../hooks/use-save.js';
import { login } from '../api/auth-api.js';

/** Only same-site paths: `?next=` must not send the user to another origin after sign-in. */
function safeNext(raw: string | null): string {
  return raw?.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/login') ? raw : '/workbench';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, signedIn, sessionExpired } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { saving: submitting, error, run } = useSave();
  const next = safeNext(params.get('next'));

  if (status === 'signedIn') return <Navigate to={next} replace />;

  const submit = (values: LoginInput) =>
    run(async () => {
      signedIn(await login(values));
      navigate(next, { replace: true });
    });

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f0f2f5' }}>
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
          <LanguageSwitch />
        </div>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0, fontWeight: 500 }}>
            {t('auth.title')}
          </Typography.Title>
          {sessionExpired && !error && (
            <Alert type="info" showIcon message={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />
          )}
          <ErrorAlert error={error} />
          <Form<LoginInput>
            layout="vertical"
            name="login"
            onFinish={(values) => void submit(values)}
            requiredMark={false}
          >
            <Form.Item
              label={t('auth.username')}
              name="username"
              rules={[{ required: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined aria-hidden />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
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
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </main>
  );
}
