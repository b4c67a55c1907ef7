import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTime } from '../../../api/new-key.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSave } from '../../../hooks/use-save.js';
import { inboxQuery, markRead, notificationKeys } from '../../notifications/api/notifications-api.js';

/** My inbox: the newest messages (cards issued, cases dispatched to my unit…), unread first to the eye. */
export function InboxCard() {
  const { t, i18n } = useTranslation();
  const inbox = useQuery(inboxQuery({ pageSize: 8 }));
  // A failed mark shows above the list; the list reloads either way.
  const { error, run } = useSave([notificationKeys.inbox]);
  const read = (id: number) => run(() => markRead(id));
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('tasks.inbox')}</h2>}
      data-testid="workbench-inbox"
      extra={
        inbox.data &&
        inbox.data.unread > 0 && (
          <Tag bordered={false} style={{ color: '#871400', background: '#fff1f0' }}>
            {t('tasks.unread', { count: inbox.data.unread })}
          </Tag>
        )
      }
    >
      <ErrorAlert error={inbox.error ?? error} onRetry={inbox.refetch} />
      {inbox.data && inbox.data.items.length === 0 ? (
        <Empty
          description={<span style={{ color: 'rgba(0,0,0,0.75)' }}>{t('tasks.inboxEmpty')}</span>}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
        />
      ) : (
        <List
          loading={inbox.isFetching}
          dataSource={inbox.data?.items ?? []}
          renderItem={(m) => {
            const caseId = typeof m.data.caseId === 'number' ? m.data.caseId : null;
            return (
              <List.Item
                key={m.id}
                extra={
                  !m.readAt && (
                    <Button
                      size="small"
                      onClick={() => void read(m.id)}
                      aria-label={`${t('tasks.markRead')} ${m.title}`}
                    >
                      {t('tasks.markRead')}
                    </Button>
                  )
                }
              >
                <List.Item.Meta
                  title={
                    caseId ? (
                      <Link to={`/cases/${caseId}`}>{m.title}</Link>
                    ) : (
                      <span style={{ fontWeight: m.readAt ? 400 : 600 }}>{m.title}</span>
                    )
                  }
                  description={
                    <span
                      style={{ color: 'rgba(0,0,0,0.75)' }}
                    >{`${m.body} · ${formatTime(m.createdAt, i18n.language)}`}</span>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
