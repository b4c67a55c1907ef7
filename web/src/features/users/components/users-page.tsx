import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type User } from '../../../api/contract-types.js';
import { describeError } from '../../../api/error-message.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useSave } from '../../../hooks/use-save.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { updateUser, userKeys, usersQuery } from '../api/users-api.js';
import { ResetPasswordModal } from './reset-password-modal.js';
import { UserEditDrawer } from './user-edit-drawer.js';
import { UsersFilterBar, type UserFilterKey } from './users-filter-bar.js';
import { UsersTable } from './users-table.js';

const FILTER_KEYS: readonly UserFilterKey[] = ['q', 'role', 'unit', 'region'];

/** 用户与角色 (security officer): list, create, edit roles, disable, reset passwords. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { filters, page, pageSize, setFilters, resetFilters, setPage } = useUrlFilters(FILTER_KEYS);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useQuery(
    usersQuery({
      q: filters.q,
      role: ROLES.find((role) => role === filters.role),
      unit: filters.unit ? Number(filters.unit) : undefined,
      region: filters.region,
      page,
      pageSize,
    }),
  );
  const { run } = useSave([userKeys.all]);

  const setDisabled = (user: User, disabled: boolean) =>
    run(
      async () => {
        await updateUser(user.id, { disabled });
        message.success(t('common.saved'));
      },
      (failure) => message.error(describeError(failure, t)),
    );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
            {t('users.createTitle')}
          </Button>
        }
      />
      <UsersFilterBar filters={filters} onSearch={setFilters} onReset={resetFilters} />
      <ErrorAlert error={users.error} onRetry={users.refetch} />
      <UsersTable
        data={users.data}
        loading={users.isFetching}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onEdit={setEditing}
        onResetPassword={setResetting}
        onSetDisabled={(user, disabled) => void setDisabled(user, disabled)}
      />
      <UserEditDrawer
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          message.success(t('users.resetDone'));
          setResetting(null);
        }}
      />
    </>
  );
}
