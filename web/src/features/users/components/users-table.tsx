import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { User, UserPage } from '../../../api/contract-types.js';
import { StatusTag } from '../../../components/status-tag.js';
import { dutyBreach } from '../../../../../src/core/auth/permissions.js';
import { pagerOf } from '../../../components/pager.js';

/** The three administrators' accounts are changed only on the server (三员分立): no actions here. */
const serverOnly = (user: User) => dutyBreach(false, user.roles, user.roles) !== null;

interface UsersTableProps {
  data: UserPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onSetDisabled: (user: User, disabled: boolean) => void;
}

/** The server-paged list of accounts, with the security officer's actions. */
export function UsersTable({
  data,
  loading,
  page,
  pageSize,
  onPage,
  onEdit,
  onResetPassword,
  onSetDisabled,
}: UsersTableProps) {
  const { t } = useTranslation();
  const columns: ColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('users.unit'), dataIndex: 'unitName', key: 'unit' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: User['roles']) => (
        <Space size={4} wrap>
          {roles.map((role) => (
            <Tag key={role} bordered={false} style={{ color: '#0b3d91', background: '#e6f4ff', marginInlineEnd: 0 }}>
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('users.grid'), dataIndex: 'gridCode', key: 'grid', render: (code: string | null) => code ?? '—' },
    {
      title: t('common.status'),
      dataIndex: 'disabled',
      key: 'status',
      render: (disabled: boolean) => <StatusTag disabled={disabled} />,
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) =>
        serverOnly(user) ? (
          <span data-testid={`user-server-only-${user.username}`}>{t('users.serverOnly')}</span>
        ) : (
          <Space size={0} wrap>
            <Button
              type="link"
              onClick={() => onEdit(user)}
              aria-label={`${t('common.edit')} ${user.username}`}
              data-testid={`user-edit-${user.username}`}
            >
              {t('common.edit')}
            </Button>
            <Button type="link" onClick={() => onResetPassword(user)} data-testid={`user-reset-${user.username}`}>
              {t('users.resetPassword')}
            </Button>
            {user.disabled ? (
              <Button
                type="link"
                onClick={() => onSetDisabled(user, false)}
                data-testid={`user-enable-${user.username}`}
              >
                {t('common.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('users.confirmDisable', { name: user.displayName })}
                okText={t('common.disable')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => onSetDisabled(user, true)}
              >
                <Button type="link" danger data-testid={`user-disable-${user.username}`}>
                  {t('common.disable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];
  return (
    <Table<User>
      size="middle"
      rowKey="id"
      data-testid="users-table"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={pagerOf({ page, pageSize, onPage }, data?.total ?? 0, t)}
    />
  );
}
