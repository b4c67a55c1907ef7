import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import type { PartnerKeyView } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { useRegionNames } from '../../../components/region-picker/use-region-names.js';

interface PartnerKeysTableProps {
  keys: PartnerKeyView[] | undefined;
  loading: boolean;
  onRevoke: (key: PartnerKeyView) => void;
}

/** Active or revoked, with colours that pass contrast checks (as StatusTag). */
function KeyStatusTag({ partnerKey }: { partnerKey: PartnerKeyView }) {
  const { t, i18n } = useTranslation();
  if (!partnerKey.revokedAt) {
    return (
      <Tag bordered={false} style={{ color: '#135200', background: '#f6ffed' }}>
        {t('partnerKeys.active')}
      </Tag>
    );
  }
  return (
    <Space size={4} wrap>
      <Tag bordered={false} style={{ color: '#a8071a', background: '#fff1f0' }}>
        {t('partnerKeys.revoked')}
      </Tag>
      <Typography.Text type="secondary">
        {t('partnerKeys.revokedAt', { time: formatTime(partnerKey.revokedAt, i18n.language) })}
      </Typography.Text>
    </Space>
  );
}

/** Every key in the administrator's jurisdiction: never the key itself, only its first characters. */
export function PartnerKeysTable({ keys, loading, onRevoke }: PartnerKeysTableProps) {
  const { t, i18n } = useTranslation();
  const regionNames = useRegionNames((keys ?? []).map((k) => k.regionCode));
  const time = (iso: string | null) => formatTime(iso, i18n.language);
  const columns: ColumnsType<PartnerKeyView> = [
    { title: t('partnerKeys.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('partnerKeys.keyPrefix'),
      dataIndex: 'keyPrefix',
      key: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('partnerKeys.channel'),
      key: 'channel',
      render: (_, k) =>
        k.transferSource
          ? `${t(`enums.channel.${k.channel}`)} · ${t(`enums.transferSource.${k.transferSource}`)}`
          : t(`enums.channel.${k.channel}`),
    },
    {
      title: t('partnerKeys.jurisdiction'),
      dataIndex: 'regionCode',
      key: 'region',
      render: (code: string) => regionNames[code] ?? code,
    },
    { title: t('partnerKeys.createdAt'), dataIndex: 'createdAt', key: 'created', render: time },
    {
      title: t('partnerKeys.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'used',
      render: (iso: string | null) => (iso ? time(iso) : t('partnerKeys.neverUsed')),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, k) => (
        <span data-testid={`partner-key-status-${k.id}`}>
          <KeyStatusTag partnerKey={k} />
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t('partnerKeys.confirmRevoke', { name: k.name })}
            okText={t('partnerKeys.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => onRevoke(k)}
          >
            <Button
              type="link"
              danger
              aria-label={`${t('partnerKeys.revoke')} ${k.name}`}
              data-testid={`partner-key-revoke-${k.id}`}
            >
              {t('partnerKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <Table<PartnerKeyView>
      size="middle"
      rowKey="id"
      data-testid="partner-keys-table"
      columns={columns}
      dataSource={keys ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={false}
    />
  );
}
