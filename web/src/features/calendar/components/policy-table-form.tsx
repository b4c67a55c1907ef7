import { Alert, App, Button, Form, InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_UNITS, type DeadlinePolicy, type PolicyList, type PolicyRow } from '../../../api/contract-types.js';
import { showServerFieldErrors } from '../../../api/server-field-errors.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { OriginTag } from '../../../components/origin-tag.js';
import { useSave } from '../../../hooks/use-save.js';
import { putPolicies } from '../api/calendar-api.js';

type Row = Pick<DeadlinePolicy, 'amount' | 'unit'>;
type Values = { policies: Row[] };
const keyOf = (p: DeadlinePolicy) => `${p.kind}/${p.complexity}/${p.stage}`;
/** A listed row as the PUT takes it: without where it comes from. */
const bare = ({ regionCode: _c, regionName: _n, inherited: _i, ...p }: PolicyRow): DeadlinePolicy => p;

/**
 * 时限规则 of the caller's jurisdiction as a table, and the rows it inherits below it, read-only.
 * The administrator edits each own row's limit, removes own rows, or copies an inherited row into
 * their own to override it, and saves their jurisdiction's rows (PUT replaces them). At the top the
 * fallback rows the server requires are all own rows. Server validation errors land under the row.
 */
export function PolicyTableForm({
  list,
  editable,
  onSaved,
}: {
  list: PolicyList;
  editable: boolean;
  onSaved: (next: PolicyList) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSave();
  const [rows, setRows] = useState<PolicyRow[]>([]);
  const inherited = list.policies.filter((p) => p.inherited);
  useEffect(() => setRows(list.policies.filter((p) => !p.inherited)), [list]);
  useEffect(() => form.setFieldsValue({ policies: rows.map(({ amount, unit }) => ({ amount, unit })) }), [form, rows]);
  // The rows with what is typed in so far, so adding or removing a row keeps the other edits.
  const current = () => rows.map((p, i) => ({ ...p, ...(form.getFieldValue(['policies', i]) as Row | undefined) }));
  const own = new Set(rows.map(keyOf));
  const any = (value: string, prefix: string) => (value === '*' ? t('policies.anyValue') : t(`${prefix}.${value}`));
  // Inputs in a table have no visible label of their own: the row's words name them for screen readers.
  const rowName = (p: DeadlinePolicy) =>
    `${any(p.kind, 'enums.kind')} ${any(p.complexity, 'enums.complexity')} ${t(`supervision.stages.${p.stage}`)}`;

  const save = () =>
    run(
      async () => {
        const next = await putPolicies({ policies: current().map(bare) });
        message.success(t('policies.saved'));
        onSaved(next);
      },
      (failure) =>
        showServerFieldErrors(form, failure, (d) => {
          // A domain check names the row by its key ('dispute/general/handle', maybe with ' maxExtension').
          const key = String(d.key ?? d.where ?? '').split(' ')[0];
          const i = rows.findIndex((p) => keyOf(p) === key);
          return i < 0 ? null : { name: ['policies', i, 'amount'], errors: [t('policies.invalidRow')] };
        }),
    );

  const described: ColumnsType<PolicyRow> = [
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
  ];
  const rest: ColumnsType<PolicyRow> = [
    {
      title: t('policies.maxExtension'),
      key: 'ext',
      render: (_, p) => (p.maxExtension ? `${p.maxExtension.amount} ${t(`timeUnits.${p.maxExtension.unit}`)}` : '—'),
    },
    { title: t('policies.source'), dataIndex: 'source', key: 'source', render: (v?: string) => v ?? '—' },
  ];
  const limitText = (p: PolicyRow) => `${p.amount} ${t(`timeUnits.${p.unit}`)}`;
  const ownColumns: ColumnsType<PolicyRow> = [
    ...described,
    {
      title: t('policies.limit'),
      key: 'limit',
      render: (_, p, i) =>
        !editable ? (
          limitText(p)
        ) : (
          <span style={{ display: 'inline-flex', gap: 8 }}>
            <Form.Item
              name={['policies', i, 'amount']}
              style={{ margin: 0 }}
              rules={[{ required: true, type: 'number', min: 0.5, max: 8760, message: t('policies.amountRule') }]}
            >
              <InputNumber
                min={0.5}
                max={8760}
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
    ...rest,
  ];
  if (editable && inherited.length > 0)
    ownColumns.push({
      title: t('common.actions'),
      key: 'remove',
      render: (_, p) => (
        <Button
          type="link"
          danger
          aria-label={`${t('jurisdiction.remove')} ${rowName(p)}`}
          onClick={() => setRows(current().filter((x) => keyOf(x) !== keyOf(p)))}
        >
          {t('jurisdiction.remove')}
        </Button>
      ),
    });
  const inheritedColumns: ColumnsType<PolicyRow> = [
    ...described,
    { title: t('policies.limit'), key: 'limit', render: (_, p) => limitText(p) },
    ...rest,
    { title: t('jurisdiction.source'), key: 'origin', render: (_, p) => <OriginTag origin={p} /> },
  ];
  if (editable)
    inheritedColumns.push({
      title: t('common.actions'),
      key: 'override',
      render: (_, p) =>
        own.has(keyOf(p)) ? null : (
          <Button
            type="link"
            aria-label={`${t('jurisdiction.override')} ${rowName(p)}`}
            data-testid={`policy-override-${keyOf(p)}`}
            onClick={() => setRows([...current(), { ...p, inherited: false, regionCode: null, regionName: null }])}
          >
            {t('jurisdiction.override')}
          </Button>
        ),
    });

  return (
    <Form<Values> form={form} name="policies" onFinish={() => void save()}>
      <ErrorAlert error={error} />
      {inherited.length > 0 && (
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('jurisdiction.ownRows')}
        </Typography.Title>
      )}
      {inherited.length > 0 && rows.length === 0 && (
        <Alert type="info" showIcon message={t('jurisdiction.noOwn')} style={{ marginBottom: 16 }} />
      )}
      {rows.length > 0 && (
        <Table<PolicyRow>
          size="middle"
          rowKey={keyOf}
          data-testid="policies-table"
          columns={ownColumns}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={false}
        />
      )}
      {editable && (
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }} data-testid="policies-save">
          {t('policies.save')}
        </Button>
      )}
      {inherited.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            {t('jurisdiction.inheritedRows')}
          </Typography.Title>
          <Table<PolicyRow>
            size="middle"
            rowKey={(p) => `${p.regionCode ?? ''}:${keyOf(p)}`}
            data-testid="policies-inherited"
            columns={inheritedColumns}
            dataSource={inherited}
            scroll={{ x: 'max-content' }}
            pagination={false}
          />
        </>
      )}
    </Form>
  );
}
