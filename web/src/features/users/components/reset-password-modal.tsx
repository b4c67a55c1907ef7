import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSave } from '../../../hooks/use-save.js';
import { updateUser, userKeys } from '../api/users-api.js';
import { PasswordField } from './password-field.js';

/** The security officer sets a new password for an account. */
export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: User | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const { saving, error, reset, run } = useSave([userKeys.all]);

  const submit = async () => {
    if (!user) return;
    const { password } = await form.validateFields();
    await run(async () => {
      await updateUser(user.id, { password });
      onDone();
    });
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && reset()}
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" name="reset-password" preserve={false}>
        <PasswordField form={form} name="password" label={t('users.newPassword')} />
      </Form>
    </Modal>
  );
}
