import { useQuery } from '@tanstack/react-query';
import { App, Alert, Button, Card, Form, Input, Popconfirm, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetterPage, Webhook } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useSave } from '../../../hooks/use-save.js';
import {
  createWebhook,
  deadLettersQuery,
  deleteWebhook,
  notificationKeys,
  retryDeadLetter,
  updateWebhook,
  webhooksQuery,
} from '../api/notifications-api.js';

type DeadLetter = DeadLetterPage['items'][number];

/** 消息推送: webhooks (the secret shown once on creation) and dead letters that can be sent again. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const hooks = useQuery(webhooksQuery());
  const dead = useQuery(deadLettersQuery({ pageSize: 50 }));
  // The dead letters sit under the webhooks' key: one invalidation reloads both tables.
  const { error, run } = useSave([notificationKeys.webhooks]);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<{ url: string; topics: string }>();

  const act = (work: () => Promise<unknown>, done = t('common.saved')) =>
    run(async () => {
      await work();
      message.success(done);
    });
  const create = (v: { url: string; topics: string }) =>
    act(async () => {
      const created = await createWebhook({ url: v.url.trim(), topics: v.topics.split(/[,，\s]+/).filter(Boolean) });
      setSecret(created.secret);
      form.resetFields();
    });

  const hookColumns: ColumnsType<Webhook> = [
    { title: t('webhooks.url'), dataIndex: 'url', key: 'url' },
    {
      title: t('webhooks.topics'),
      dataIndex: 'topics',
      key: 'topics',
      render: (topics: string[]) => topics.join(', '),
    },
    { title: t('webhooks.secretHint'), dataIndex: 'secretHint', key: 'hint' },
    {
      title: t('common.status'),
      key: 'enabled',
      render: (_, w) => (
        <Switch
          checked={w.enabled}
          aria-label={`${t('common.enable')} ${w.url}`}
          onChange={(enabled) => void act(() => updateWebhook(w.id, { enabled }))}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, w) => (
        <Popconfirm
          title={t('common.confirmDelete', { name: w.url })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          onConfirm={() => void act(() => deleteWebhook(w.id), t('common.deleted'))}
        >
          <Button type="link" danger aria-label={`${t('common.delete')} ${w.url}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  const deadColumns: ColumnsType<DeadLetter> = [
    { title: t('webhooks.topics'), dataIndex: 'topic', key: 'topic' },
    { title: t('webhooks.attempts'), dataIndex: 'attempts', key: 'attempts' },
    { title: t('webhooks.lastError'), dataIndex: 'lastError', key: 'error', render: (e: string | null) => e ?? '—' },
    {
      title: t('webhooks.deadAt'),
      dataIndex: 'deadAt',
      key: 'deadAt',
      render: (at: string) => formatTime(at, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'retry',
      render: (_, d) => (
        <Button type="link" onClick={() => void act(() => retryDeadLetter(d.id), t('webhooks.queued'))}>
          {t('webhooks.retry')}
        </Button>
      ),
    },
  ];
  const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
  return (
    <>
      <PageHeader title={t('webhooks.title')} subtitle={t('webhooks.subtitle')} />
      <ErrorAlert
        error={hooks.error ?? dead.error ?? error}
        onRetry={() => {
          void hooks.refetch();
          void dead.refetch();
        }}
      />
      {secret && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 16 }}
          message={t('webhooks.secret', { secret })}
        />
      )}
      <Card title={h2(t('webhooks.create'))} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" name="webhook" onFinish={(v) => void create(v)}>
          <Form.Item
            name="url"
            label={t('webhooks.url')}
            rules={[{ required: true, type: 'url', message: t('common.required', { field: t('webhooks.url') }) }]}
          >
            <Input maxLength={2000} placeholder="https://" />
          </Form.Item>
          <Form.Item
            name="topics"
            label={t('webhooks.topics')}
            extra={t('webhooks.topicsHint')}
            rules={[{ required: true, message: t('common.required', { field: t('webhooks.topics') }) }]}
          >
            <Input maxLength={400} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.create')}
          </Button>
        </Form>
      </Card>
      <Card title={h2(t('webhooks.title'))} style={{ marginBottom: 16 }}>
        <Table<Webhook>
          size="small"
          rowKey="id"
          columns={hookColumns}
          dataSource={hooks.data ?? []}
          loading={hooks.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={false}
        />
      </Card>
      <Card title={h2(t('webhooks.deadLetters'))}>
        <Table<DeadLetter>
          size="small"
          rowKey="id"
          columns={deadColumns}
          dataSource={dead.data?.items ?? []}
          loading={dead.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={false}
        />
      </Card>
    </>
  );
}
