import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchemeScores } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { useCan } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useSave } from '../../../hooks/use-save.js';
import { assessmentKeys, runScheme, schemesQuery, scoresQuery } from '../api/assessment-api.js';

type Row = SchemeScores['rows'][number];
type Component = Row['components'][number];
const PERIODS = ['month', 'quarter', 'half', 'year'] as const;
type PeriodKind = (typeof PERIODS)[number];
const pickerOf: Record<PeriodKind, 'month' | 'quarter' | 'year'> = {
  month: 'month',
  quarter: 'quarter',
  half: 'month',
  year: 'year',
};

/** A raw value as read: a share in percent with its numerator and denominator, or the number itself. */
function rawText(c: Component, noValue: string): string {
  const { value, numerator, denominator } = c.raw;
  if (value === null) return noValue;
  if (
    denominator !== undefined &&
    numerator !== undefined &&
    c.source.kind === 'kpi' &&
    value <= 1 &&
    numerator <= denominator
  )
    return `${(value * 100).toFixed(1)}% (${numerator}/${denominator})`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
const fixed = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits));

/** The last complete month, kept inside the scheme's year (a scheme scores the periods of its year). */
function defaultDate(year: number | undefined): string {
  const last = dayjs().subtract(1, 'month').startOf('month');
  if (year === undefined || last.year() === year) return last.format('YYYY-MM-DD');
  return year > last.year() ? `${year}-01-01` : `${year}-12-01`;
}

/** 平安指数: each region's index under an assessment scheme, every component's raw value, score and weight visible. */
export function SafetyIndexPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const mayRun = useCan('assessment.run');
  const schemes = useQuery(schemesQuery());
  const [chosen, setChosen] = useState<number | null>(null);
  const [period, setPeriod] = useState<PeriodKind>('month');
  const [picked, setDate] = useState<string | null>(null);
  const schemeId = chosen ?? schemes.data?.[0]?.id ?? null;
  const scheme = schemes.data?.find((s) => s.id === schemeId);
  const date = picked ?? defaultDate(scheme?.year);
  const scores = useQuery(scoresQuery(schemeId, { period, date }));
  const { run, saving, error: runError } = useSave([assessmentKeys.scores]);
  const en = i18n.language.startsWith('en');
  const nameOf = (c: { name: string; nameEn?: string | null }) => (en && c.nameEn ? c.nameEn : c.name);

  const ruleText = (c: Component) =>
    c.rule.kind === 'minmax'
      ? t('assessment.minmax')
      : t(c.direction === 'higher' ? 'assessment.target' : 'assessment.targetLower', {
          target: c.rule.target,
          worst: c.rule.worst,
        });

  const componentColumns = (scheme?.definition.components ?? []).map((d) => ({
    title: (
      <span>
        {nameOf(d)}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assessment.weight')} {d.weight}%
        </Typography.Text>
      </span>
    ),
    key: `c-${d.key}`,
    render: (_: unknown, r: Row) => {
      const c = r.components.find((x) => x.key === d.key);
      if (!c) return '—';
      return (
        <span data-testid={`score-${r.regionCode}-${d.key}`}>
          {fixed(c.score)}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rawText(c, t('assessment.noValue'))}
          </Typography.Text>
        </span>
      );
    },
  }));

  const columns: ColumnsType<Row> = [
    { title: t('assessment.rank'), dataIndex: 'rank', key: 'rank', width: 72, render: (r: number | null) => r ?? '—' },
    { title: t('assessment.region'), key: 'region', render: (_, r) => r.name ?? r.regionCode },
    {
      title: t('assessment.index'),
      key: 'index',
      render: (_, r) => (
        <span data-testid={`index-${r.regionCode}`}>
          <strong>{fixed(r.index)}</strong>
          {r.coverage < 100 && (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('assessment.coverage', { coverage: fixed(r.coverage, 0) })}
              </Typography.Text>
            </>
          )}
        </span>
      ),
    },
    ...componentColumns,
    {
      title: t('assessment.warnings'),
      key: 'warnings',
      render: (_, r) => (
        <Space size={4} wrap style={{ maxWidth: 260 }}>
          {(scores.data?.warnings ?? [])
            .filter((w) => w.regionCode === r.regionCode)
            .map((w) => (
              <Tag key={w.reason} bordered={false} style={{ color: '#a8071a', background: '#fff1f0' }}>
                {t(`assessment.reasons.${w.reason}`, { limit: w.limit, previous: fixed(w.previous) })}
              </Tag>
            ))}
        </Space>
      ),
    },
  ];

  const detailColumns: ColumnsType<Component> = [
    { title: t('assessment.indicator'), key: 'name', render: (_, c) => nameOf(c) },
    { title: t('assessment.source'), key: 'source', render: (_, c) => t(`assessment.sources.${c.source.kind}`) },
    { title: t('assessment.raw'), key: 'raw', render: (_, c) => rawText(c, t('assessment.noValue')) },
    { title: t('assessment.score'), key: 'score', render: (_, c) => fixed(c.score) },
    { title: t('assessment.weight'), key: 'weight', render: (_, c) => `${c.weight}%` },
    { title: t('assessment.direction'), key: 'direction', render: (_, c) => t(`assessment.directions.${c.direction}`) },
    { title: t('assessment.rule'), key: 'rule', render: (_, c) => ruleText(c) },
  ];

  const store = () =>
    run(async () => {
      await runScheme(schemeId!, { period, date });
      message.success(t('assessment.ran'));
    });

  if (schemes.isError) return <ErrorAlert error={schemes.error} onRetry={() => void schemes.refetch()} />;
  const data = scores.data;
  return (
    <>
      <PageHeader
        title={t('assessment.title')}
        subtitle={t('assessment.subtitle')}
        extra={
          mayRun &&
          data &&
          !data.stored && (
            <Button type="primary" loading={saving} onClick={() => void store()} data-testid="run-scheme">
              {t('assessment.run')}
            </Button>
          )
        }
      />
      {schemes.data && schemes.data.length === 0 ? (
        <Empty description={t('assessment.noSchemes')} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form layout="inline" aria-label={t('assessment.scheme')}>
              <Form.Item label={t('assessment.scheme')} htmlFor="scheme-select">
                <Select
                  id="scheme-select"
                  style={{ minWidth: 220 }}
                  loading={schemes.isLoading}
                  value={schemeId ?? undefined}
                  onChange={(v: number) => setChosen(v)}
                  options={(schemes.data ?? []).map((s) => ({ value: s.id, label: `${s.year} · ${s.name}` }))}
                />
              </Form.Item>
              <Form.Item label={t('assessment.period')} htmlFor="period-select">
                <Select
                  id="period-select"
                  style={{ minWidth: 110 }}
                  value={period}
                  onChange={(v: PeriodKind) => setPeriod(v)}
                  options={PERIODS.map((p) => ({ value: p, label: t(`assessment.periods.${p}`) }))}
                />
              </Form.Item>
              <Form.Item label={t('assessment.date')} htmlFor="period-date">
                <DatePicker
                  id="period-date"
                  picker={pickerOf[period]}
                  allowClear={false}
                  value={dayjs(date)}
                  onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
                />
              </Form.Item>
            </Form>
          </Card>
          {scores.isError && <ErrorAlert error={scores.error} onRetry={() => void scores.refetch()} />}
          {runError && <ErrorAlert error={runError} />}
          {data && (
            <Space style={{ marginBottom: 12 }} wrap>
              <Tag>{t('assessment.version', { version: data.version })}</Tag>
              {/* The colours of StatusTag: they pass the contrast check. */}
              <Tag
                bordered={false}
                style={
                  data.stored
                    ? { color: '#135200', background: '#f6ffed' }
                    : { color: '#595959', background: '#f0f0f0' }
                }
                data-testid="scores-state"
              >
                {data.stored
                  ? t('assessment.stored', { at: formatTime(data.computedAt, i18n.language) })
                  : t('assessment.live')}
              </Tag>
              {data.stored && data.warnings.length === 0 && <Tag>{t('assessment.noWarnings')}</Tag>}
            </Space>
          )}
          {data && data.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={`${t('assessment.warnings')}: ${[...new Set(data.warnings.map((w) => w.regionCode))]
                .map((code) => data.rows.find((r) => r.regionCode === code)?.name ?? code)
                .join('、')}`}
            />
          )}
          <Table<Row>
            rowKey="regionCode"
            size="middle"
            loading={scores.isLoading || scores.isFetching}
            columns={columns}
            dataSource={data?.rows ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="safety-index-table"
            expandable={{
              expandedRowRender: (r) => (
                <Table<Component>
                  rowKey="key"
                  size="small"
                  pagination={false}
                  columns={detailColumns}
                  dataSource={r.components}
                  aria-label={t('assessment.components')}
                />
              ),
            }}
          />
        </>
      )}
    </>
  );
}
