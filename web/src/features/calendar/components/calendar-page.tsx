import { useQuery } from '@tanstack/react-query';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { FormRadioGroup } from '../../../components/form-radio-group.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { CalendarYear } from '../../../api/contract-types.js';
import { useAtTop, useCan } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { TopOnlyNote } from '../../../components/origin-tag.js';
import { PageHeader } from '../../../components/page-header.js';
import { VISUALLY_HIDDEN } from '../../../components/visually-hidden.js';
import { useSave } from '../../../hooks/use-save.js';
import { calendarKeys, calendarQuery, putCalendarDay } from '../api/calendar-api.js';
import { caseKeys } from '../../cases/api/cases-api.js';
import { MissingScheduleBanner } from './missing-schedule-banner.js';

type Day = CalendarYear['months'][number]['days'][number];
type DayValues = { kind: 'holiday' | 'workday' | 'default'; name?: string };

function currentMonth(raw: string | null): { year: number; month: number } {
  const m = raw && /^(\d{4})-(\d{2})$/.exec(raw);
  if (m) return { year: Number(m[1]), month: Math.min(12, Math.max(1, Number(m[2]))) };
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1 };
}

/** 工作日历: a month view of working and rest days (URL ?month=YYYY-MM); the administrator changes a day. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  // The calendar is the deployment's top administrator's alone (issue 11, point 4).
  const writer = useCan('deadline.write');
  const atTop = useAtTop();
  const canEdit = writer && atTop;
  const [params, setParams] = useSearchParams();
  const { year, month } = currentMonth(params.get('month'));
  const calendar = useQuery(calendarQuery(year));
  const [editing, setEditing] = useState<Day | null>(null);
  // A changed day recounts the running deadlines of its year, so the case lists and details reload too.
  const { error, reset, run } = useSave([calendarKeys.all, caseKeys.all]);
  const [form] = Form.useForm<DayValues>();
  const data = calendar.data?.months.find((m) => m.month === month);
  const go = (delta: number) => {
    const d = new Date(year, month - 1 + delta, 1);
    setParams({ month: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}` });
  };
  const save = async (v: DayValues) => {
    if (!editing) return;
    await run(async () => {
      await putCalendarDay(editing.date, { kind: v.kind, name: v.name?.trim() || null });
      message.success(t('common.saved'));
      setEditing(null);
    });
  };
  const weekdays = [1, 2, 3, 4, 5, 6, 0].map((d) =>
    new Date(2024, 0, d === 0 ? 7 : d).toLocaleDateString(i18n.language, { weekday: 'short' }),
  );
  const firstColumn = data ? ((data.days[0]!.weekday + 6) % 7) + 1 : 1;
  const title = new Date(year, month - 1, 1).toLocaleDateString(i18n.language, { year: 'numeric', month: 'long' });
  return (
    <>
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle')} />
      <MissingScheduleBanner />
      {writer && !atTop && <TopOnlyNote what="calendar" testId="calendar-top-only" />}
      <ErrorAlert error={calendar.error} onRetry={calendar.refetch} />
      <Card
        title={
          <h2 style={{ fontSize: 16, margin: 0 }} data-testid="calendar-month">
            {title}
          </h2>
        }
        extra={
          <Space>
            <Button
              icon={<LeftOutlined />}
              onClick={() => go(-1)}
              aria-label={t('calendar.prev')}
              data-testid="calendar-prev"
            />
            <Button
              icon={<RightOutlined />}
              onClick={() => go(1)}
              aria-label={t('calendar.next')}
              data-testid="calendar-next"
            />
          </Space>
        }
      >
        {data && <Typography.Paragraph>{t('calendar.workingDays', { count: data.workingDays })}</Typography.Paragraph>}
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}>
          <div style={{ display: 'contents' }}>
            {weekdays.map((w) => (
              <div aria-hidden key={w} style={{ textAlign: 'center', fontWeight: 600 }}>
                {w}
              </div>
            ))}
          </div>
          <div style={{ display: 'contents' }}>
            {data?.days.map((day, i) => (
              // The month's first day starts in its weekday's column (Monday first).
              <div key={day.date} style={i === 0 ? { gridColumnStart: firstColumn } : undefined}>
                <button
                  type="button"
                  disabled={!canEdit}
                  onClick={() => {
                    reset();
                    form.setFieldsValue({ kind: day.working ? 'holiday' : 'workday', name: day.name ?? '' });
                    setEditing(day);
                  }}
                  data-testid={`day-${day.date}`}
                  style={{
                    width: '100%',
                    minHeight: 56,
                    padding: 4,
                    textAlign: 'left',
                    borderRadius: 6,
                    cursor: canEdit ? 'pointer' : 'default',
                    border: day.source === 'admin' ? '2px solid #0958d9' : '1px solid #d9d9d9',
                    background: day.working ? '#ffffff' : '#fff1f0',
                    color: day.working ? '#1f1f1f' : '#871400',
                  }}
                >
                  <span style={VISUALLY_HIDDEN}>{day.date} </span>
                  <div style={{ fontWeight: 600 }}>{Number(day.date.slice(8))}</div>
                  <div style={{ fontSize: 12 }}>
                    {day.name ?? (day.working ? t('calendar.working') : t('calendar.rest'))}
                  </div>
                </button>
              </div>
            ))}
          </div>
        </div>
      </Card>
      <Modal
        open={editing !== null}
        title={editing ? t('calendar.editDay', { date: editing.date }) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'day-save' } as Record<string, string>}
      >
        <ErrorAlert error={error} />
        <Form<DayValues> form={form} layout="vertical" name="day" onFinish={(v) => void save(v)}>
          <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
            <FormRadioGroup
              options={(['holiday', 'workday', 'default'] as const).map((k) => ({
                value: k,
                label: t(`calendar.kinds.${k}`),
              }))}
              data-testid="day-kind"
            />
          </Form.Item>
          <Form.Item name="name" label={t('calendar.dayName')} rules={[{ max: 40 }]}>
            <Input maxLength={40} data-testid="day-name" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
