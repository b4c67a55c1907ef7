import { Form, Input, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../../api/contract-types.js';
import { FormDrawer } from '../../../components/form-drawer.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import { UnitSelect } from '../../units/components/unit-select.js';
import { createUser, updateUser, userKeys } from '../api/users-api.js';
import { PasswordField } from './password-field.js';
import { RoleCheckboxes } from './role-checkboxes.js';
import { useSave } from '../../../hooks/use-save.js';

interface UserFormValues {
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  gridCode?: string | null;
  password?: string;
  active: boolean;
}

interface UserEditDrawerProps {
  target: User | 'new' | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}

const GRID_LEVEL = [6] as const;

/** Create an account or change its name, unit, roles, grid and status. A grid worker must have a grid. */
export function UserEditDrawer({ target, onClose, onSaved }: UserEditDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const { saving, error, reset, run } = useSave([userKeys.all]);
  const editing = target !== null && target !== 'new' ? target : null;
  const roles = Form.useWatch('roles', form) ?? [];
  const isGridWorker = roles.includes('gridworker');

  // Each opening starts from a clean form: the account's values, or the defaults for a new one.
  useEffect(() => {
    if (target === null) return;
    reset();
    form.resetFields();
    if (target !== 'new') form.setFieldsValue({ ...target, active: !target.disabled });
  }, [form, target, reset]);

  const save = async (values: UserFormValues) => {
    const gridCode = values.roles.includes('gridworker') ? (values.gridCode ?? null) : null;
    const common = { displayName: values.displayName.trim(), unitId: values.unitId, roles: values.roles, gridCode };
    await run(async () => {
      const saved = editing
        ? await updateUser(editing.id, { ...common, disabled: !values.active })
        : await createUser({ ...common, username: values.username.trim(), password: values.password ?? '' });
      onSaved(saved);
    });
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormDrawer
      open={target !== null}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      width={520}
      saving={saving}
      error={error}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitTestId="user-save"
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        name="user"
        onFinish={(values) => void save(values)}
        initialValues={{ roles: [], active: true }}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={editing ? undefined : t('users.usernameRule')}
          rules={
            editing
              ? []
              : [
                  required(t('users.username')),
                  { pattern: /^[a-z0-9][a-z0-9._-]{1,62}$/, message: t('users.usernameRule') },
                ]
          }
        >
          <Input disabled={Boolean(editing)} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ ...required(t('users.displayName')), whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} rules={[required(t('users.unit'))]}>
          <UnitSelect allowClear={false} data-testid="user-unit" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[
            { type: 'array', min: 1, required: true, message: t('common.required', { field: t('users.roles') }) },
          ]}
        >
          <RoleCheckboxes label={t('users.roles')} />
        </Form.Item>
        {isGridWorker && (
          <Form.Item
            name="gridCode"
            label={t('users.grid')}
            rules={[{ required: true, message: t('users.gridRequired') }]}
          >
            <RegionPicker levels={GRID_LEVEL} data-testid="user-grid" />
          </Form.Item>
        )}
        {!editing && <PasswordField form={form} name="password" label={t('users.password')} />}
        {editing && (
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.enabled')} unCheckedChildren={t('common.disabled')} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
