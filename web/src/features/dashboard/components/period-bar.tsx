import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '../../../api/contract-types.js';
import { buildUrl } from '../../../api/http-client.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import type { KpiParams } from '../api/dashboard-api.js';

const DAY = 'YYYY-MM-DD';
// The picker that chooses a day inside each kind of period (a half-year is chosen by one of its months).
const PICKER = { day: 'date', week: 'week', month: 'month', quarter: 'quarter', half: 'month', year: 'year' } as const;

type Change = Partial<Record<'period' | 'date' | 'from' | 'to' | 'region', string | undefined>>;

/**
 * The period (day … year in China Standard Time, or a custom range of days) and the region (the
 * reader's jurisdiction or a region below it) every figure on the dashboard is computed for.
 */
export function PeriodBar({ params, onChange }: { params: KpiParams; onChange: (next: Change) => void }) {
  const { t } = useTranslation();
  const kind = params.period;
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Form layout="inline" style={{ rowGap: 8 }} aria-label={t('dashboard.selectors')}>
        <Form.Item label={t('dashboard.periodKind')} htmlFor="dashboard-period">
          <Select<PeriodKind | 'custom'>
            id="dashboard-period"
            value={kind}
            style={{ width: 120 }}
            data-testid="dashboard-period"
            options={[...PERIOD_KINDS, 'custom' as const].map((k) => ({
              value: k,
              label: t(`dashboard.periods.${k}`),
            }))}
            // A new kind starts from today (or asks for a range); a date of another kind would mislead.
            onChange={(period) => onChange({ period, date: undefined, from: undefined, to: undefined })}
          />
        </Form.Item>
        {kind === 'custom' ? (
          <Form.Item label={t('dashboard.range')} htmlFor="dashboard-range">
            <DatePicker.RangePicker
              id={{ start: 'dashboard-range' }}
              value={params.from && params.to ? [dayjs(params.from), dayjs(params.to)] : null}
              data-testid="dashboard-range"
              onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
                onChange({ from: range?.[0]?.format(DAY), to: range?.[1]?.format(DAY) })
              }
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('dashboard.date')} htmlFor="dashboard-date">
            <DatePicker
              id="dashboard-date"
              picker={PICKER[kind]}
              value={params.date ? dayjs(params.date) : null}
              placeholder={t('dashboard.today')}
              style={{ width: 150 }}
              data-testid="dashboard-date"
              onChange={(d: Dayjs | null) => onChange({ date: d?.format(DAY) })}
            />
          </Form.Item>
        )}
        <Form.Item label={t('dashboard.region')} htmlFor="dashboard-region" style={{ minWidth: 240 }}>
          <RegionPicker
            id="dashboard-region"
            value={params.region ?? null}
            placeholder={t('dashboard.ownJurisdiction')}
            onChange={(code) => onChange({ region: code ?? undefined })}
            data-testid="dashboard-region"
          />
        </Form.Item>
        <Form.Item>
          <Button
            icon={<DownloadOutlined />}
            href={buildUrl('/api/kpi/workbook', params)}
            data-testid="dashboard-export"
          >
            {t('common.exportExcel')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
