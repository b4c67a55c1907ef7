import { SafetyOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../api/contract-types.js';
import { verifyCode } from '../api/auth-api.js';
import { useCodeSubmit } from '../hooks/use-code-submit.js';
import { CodeStepError, type PendingStepProps, SignInFrame } from './sign-in-frame.js';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function CodeStep({ pendingToken, onSignedIn, onBack }: PendingStepProps) {
  const { t } = useTranslation();
  const { form, submitting, error, submit } = useCodeSubmit((code) => verifyCode(pendingToken, code), onSignedIn);

  return (
    <SignInFrame title={t('twoFactor.codeTitle')}>
      <Typography.Paragraph type="secondary">{t('twoFactor.codeHint')}</Typography.Paragraph>
      <CodeStepError error={error} />
      <Form form={form} layout="vertical" name="sign-in-code" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          label={t('twoFactor.code')}
          name="code"
          rules={[{ required: true, message: t('twoFactor.codeRequired') }]}
        >
          <Input
            prefix={<SafetyOutlined aria-hidden />}
            autoComplete="one-time-code"
            inputMode="text"
            autoFocus
            maxLength={24}
            data-testid="login-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-code-submit">
          {t('twoFactor.verify')}
        </Button>
        <Button type="link" block onClick={onBack} style={{ marginTop: 8 }} data-testid="login-back">
          {t('twoFactor.back')}
        </Button>
      </Form>
    </SignInFrame>
  );
}
