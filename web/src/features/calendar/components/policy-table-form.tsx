import { App, Button, Form, InputNumber, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_UNITS, type DeadlinePolicy, type PolicyTable } from '../../../api/contract-types.js';
import { showServerFieldErrors } from '../../../api/server-field-errors.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSave } from '../../../hooks/use-save.js';
import { putPolicies } from '../api/calendar-api.js';

type Row = Pick<DeadlinePolicy, 'amount' | 'unit'>;
type Values = { policies: Row[] };
const keyOf = (p: DeadlinePolicy) => `${p.kind}/${p.complexity}/${p.stage}`;

/**
 * 时限规则 as a table; the administrator edits each row's limit (amount and unit) and saves the
 * whole table (PUT replaces it). Rows are neither added nor removed here, so the fallback rows the
 * server requires stay. Server validation errors land under the field they concern.
 */
export function PolicyTableForm({
  table,
  editable,
  onSaved,
}: {
  table: PolicyTable;
  editable: boolean;
  onSaved: (next: PolicyTable) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSave();
  useEffect(
    () => form.setFieldsValue({ policies: table.policies.map(({ amount, unit }) => ({ amount, unit })) }),
    [form, table],
  );
  const any = (value: string, prefix: string) => (value === '*' ? t('policies.anyValue') : t(`${prefix}.${value}`));
  // Inputs in a table have no visible label of their own: the row's words name them for screen readers.
  const rowName = (p: DeadlinePolicy) =>
    `${any(p.kind, 'enums.kind')} ${any(p.complexity, 'enums.complexity')} ${t(`supervision.stages.${p.stage}`)}`;

  const save = (values: Values) =>
    run(
      async () => {
        const next = await putPolicies({ policies: table.policies.map((p, i) => ({ ...p, ...values.policies[i] })) });
        message.success(t('policies.saved'));
        onSaved(next);
      },
      (failure) =>
        showServerFieldErrors(form, failure, (d) => {
          // A domain check names the row by its key ('dispute/general/handle', maybe with ' maxExtension').
          const key = String(d.key ?? d.where ?? '').split(' ')[0];
          const i = table.policies.findIndex((p) => keyOf(p) === key);
          return i < 0 ? null : { name: ['policies', i, 'amount'], errors: [t('policies.invalidRow')] };
        }),
    );

  const columns: ColumnsType<DeadlinePolicy> = [
    { title: t('policies.kind'), dataIndex: 'kind', key: 'kind', render: (v: string) => any(v, 'enums.kind') },
    {
      title: t('policies.complexity'),
      dataIndex: 'complexity',
      key: 'complexity',
      render: (v: string) => any(v, 'enums.complexity'),
    },
    {
      title: t('policies.stage'),
      dataIndex: 'stage',
      key: 'stage',
      render: (v: string) => t(`supervision.stages.${v}`),
    },
    {
      title: t('policies.limit'),
      key: 'limit',
      render: (_, p, i) =>
        !editable ? (
          `${p.amount} ${t(`timeUnits.${p.unit}`)}`
        ) : (
          <span style={{ display: 'inline-flex', gap: 8 }}>
            <Form.Item
              name={['policies', i, 'amount']}
              style={{ margin: 0 }}
              rules={[{ required: true, type: 'number', min: 0.5, max: 10_000, message: t('policies.amountRule') }]}
            >
              <InputNumber
                min={0.5}
                max={10_000}
                aria-label={t('policies.amountOf', { row: rowName(p) })}
                data-testid={`policy-amount-${i}`}
              />
            </Form.Item>
            <Form.Item name={['policies', i, 'unit']} style={{ margin: 0 }}>
              <Select
                style={{ width: 140 }}
                aria-label={t('policies.unitOf', { row: rowName(p) })}
                options={TIME_UNITS.map((u) => ({ value: u, label: t(`timeUnits.${u}`) }))}
              />
            </Form.Item>
          </span>
        ),
    },
    {
      title: t('policies.maxExtension'),
      key: 'ext',
      render: (_, p) => (p.maxExtension ? `${p.maxExtension.amount} ${t(`timeUnits.${p.maxExtension.unit}`)}` : '—'),
    },
    { title: t('policies.source'), dataIndex: 'source', key: 'source', render: (v?: string) => v ?? '—' },
  ];
  return (
    <Form<Values> form={form} name="policies" onFinish={(v) => void save(v)}>
      <ErrorAlert error={error} />
      <Table<DeadlinePolicy>
        size="middle"
        rowKey={keyOf}
        data-testid="policies-table"
        columns={columns}
        dataSource={table.policies}
        scroll={{ x: 'max-content' }}
        pagination={false}
      />
      {editable && (
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }} data-testid="policies-save">
          {t('policies.save')}
        </Button>
      )}
    </Form>
  );
}
