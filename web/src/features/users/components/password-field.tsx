import { Button, Form, Input, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { generatePassword } from './generate-password.js';

/** A required password (≥ 10 characters) with a "generate" button. */
export function PasswordField({ form, name, label }: { form: FormInstance; name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} required extra={t('users.passwordHint')}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name={name}
          noStyle
          rules={[
            { required: true, message: t('common.required', { field: label }) },
            { min: 10, message: t('users.passwordTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" aria-label={label} data-testid={`${name}-input`} />
        </Form.Item>
        <Button onClick={() => form.setFieldValue(name, generatePassword())}>{t('users.generate')}</Button>
      </Space.Compact>
    </Form.Item>
  );
}
