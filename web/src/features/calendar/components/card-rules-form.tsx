import { Alert, App, Button, Card, Col, Form, InputNumber, Popconfirm, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRuleList, CardRules } from '../../../api/contract-types.js';
import { showServerFieldErrors } from '../../../api/server-field-errors.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useOriginLabel } from '../../../components/origin-tag.js';
import { useSave } from '../../../hooks/use-save.js';
import { deleteCardRules, putCardRules } from '../api/calendar-api.js';

const HOUR = 3_600_000;
const pct = (f: number | null) => (f === null ? null : Math.round(f * 10_000) / 100);
const frac = (p: number | null | undefined) => (p === null || p === undefined ? null : p / 100);

/** The form shows people's units (percent, hours) where the API stores fractions and milliseconds. */
const toForm = (r: CardRules) => ({
  cards: {
    blue: { passedFraction: pct(r.cards.blue.passedFraction), workingDaysLeft: r.cards.blue.workingDaysLeft },
    yellow: { overdueMs: r.cards.yellow.overdueMs / HOUR },
    red: { overdueFraction: pct(r.cards.red.overdueFraction), overdueWorkingDays: r.cards.red.overdueWorkingDays },
  },
  backlog: r.backlog,
});
type Values = ReturnType<typeof toForm>;
const fromForm = (v: Values): CardRules => ({
  cards: {
    blue: { passedFraction: frac(v.cards.blue.passedFraction), workingDaysLeft: v.cards.blue.workingDaysLeft ?? null },
    yellow: { overdueMs: Math.round((v.cards.yellow.overdueMs ?? 0) * HOUR) },
    red: {
      overdueFraction: frac(v.cards.red.overdueFraction),
      overdueWorkingDays: v.cards.red.overdueWorkingDays ?? null,
    },
  },
  backlog: v.backlog,
});

type Field = {
  name: (string | number)[];
  label: string;
  max: number;
  unit: string;
  optional?: boolean;
  whole?: boolean;
};

/**
 * 督办牌与积案规则: when blue, yellow and red cards are issued, and the petition backlog thresholds,
 * as in force in the caller's jurisdiction (the nearest row up the region tree). An inherited row is
 * shown read-only; the administrator sets their own jurisdiction's (starting from the inherited
 * values), changes it, or removes it to inherit again (running stages are re-armed by the server).
 */
export function CardRulesForm({
  list,
  editable,
  onSaved,
}: {
  list: CardRuleList;
  editable: boolean;
  onSaved: (next: CardRuleList) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSave();
  const origin = useOriginLabel();
  const inForce = list.items[0]!;
  const own = list.items.find((r) => !r.inherited);
  const [overriding, setOverriding] = useState(false);
  // A saved or removed row answers with a new list: the form is then its own or inherited again.
  const [shown, setShown] = useState(list);
  if (shown !== list) {
    setShown(list);
    setOverriding(false);
  }
  const writable = editable && (own !== undefined || overriding);
  const rules: CardRules = own ?? inForce;
  useEffect(() => form.setFieldsValue(toForm(rules)), [form, rules]);
  const u = {
    pct: '%',
    days: t('timeUnits.working_day'),
    hours: t('timeUnits.hour'),
    cal: t('timeUnits.calendar_day'),
    grades: t('policies.rules.grades'),
  };
  const fields: Field[] = [
    {
      name: ['cards', 'blue', 'passedFraction'],
      label: t('policies.rules.bluePassed'),
      max: 100,
      unit: u.pct,
      optional: true,
    },
    {
      name: ['cards', 'blue', 'workingDaysLeft'],
      label: t('policies.rules.blueLeft'),
      max: 365,
      unit: u.days,
      optional: true,
    },
    { name: ['cards', 'yellow', 'overdueMs'], label: t('policies.rules.yellowOverdue'), max: 8760, unit: u.hours },
    {
      name: ['cards', 'red', 'overdueFraction'],
      label: t('policies.rules.redFraction'),
      max: 10_000,
      unit: u.pct,
      optional: true,
    },
    {
      name: ['cards', 'red', 'overdueWorkingDays'],
      label: t('policies.rules.redDays'),
      max: 365,
      unit: u.days,
      optional: true,
    },
    { name: ['backlog', 'greenFromDays'], label: t('policies.rules.green'), max: 10_000, unit: u.cal, whole: true },
    { name: ['backlog', 'yellowFromDays'], label: t('policies.rules.yellow'), max: 10_000, unit: u.cal, whole: true },
    { name: ['backlog', 'redFromDays'], label: t('policies.rules.red'), max: 10_000, unit: u.cal, whole: true },
    { name: ['backlog', 'difficultRaise'], label: t('policies.rules.raise'), max: 2, unit: u.grades, whole: true },
  ];

  const restore = () =>
    run(async () => {
      onSaved(await deleteCardRules());
      message.success(t('policies.saved'));
    });
  const save = (values: Values) =>
    run(
      async () => {
        onSaved(await putCardRules(fromForm(values)));
        message.success(t('policies.saved'));
      },
      (failure) =>
        showServerFieldErrors(form, failure, (d) =>
          typeof d.field === 'string'
            ? // The core names a card rule as 'blue.passedFraction'; the backlog check names none (they must ascend).
              { name: ['cards', ...d.field.split('.')], errors: [t('policies.rules.outOfRange')] }
            : 'greenFromDays' in d
              ? { name: ['backlog', 'redFromDays'], errors: [t('policies.rules.ascending')] }
              : null,
        ),
    );

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('policies.rules.title')}</h2>}
      style={{ marginTop: 16 }}
      data-testid="card-rules"
    >
      <ErrorAlert error={error} />
      <Alert
        type={own ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        message={t('jurisdiction.inForce', { source: origin(overriding ? { ...inForce, inherited: false } : inForce) })}
        data-testid="card-rules-origin"
      />
      <Form<Values> form={form} layout="vertical" name="card-rules" disabled={!writable} onFinish={(v) => void save(v)}>
        <Row gutter={16}>
          {fields.map((f) => (
            <Col xs={24} sm={12} lg={8} key={f.name.join('.')}>
              <Form.Item
                name={f.name}
                label={f.label}
                extra={f.optional ? t('policies.rules.emptyOff') : undefined}
                rules={[
                  {
                    required: !f.optional,
                    type: 'number',
                    min: 0,
                    max: f.max,
                    message: t('policies.rules.range', { max: f.max }),
                  },
                ]}
              >
                <InputNumber
                  min={0}
                  max={f.max}
                  precision={f.whole ? 0 : undefined}
                  addonAfter={f.unit}
                  style={{ width: '100%' }}
                  data-testid={`rule-${f.name.join('-')}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space>
          {writable && (
            <Button type="primary" htmlType="submit" loading={saving} data-testid="card-rules-save">
              {t('policies.rules.save')}
            </Button>
          )}
          {editable && !writable && (
            <Button
              type="primary"
              disabled={false}
              onClick={() => setOverriding(true)}
              data-testid="card-rules-override"
            >
              {t('jurisdiction.setOwn')}
            </Button>
          )}
          {editable && own && list.items.length > 1 && (
            <Popconfirm
              title={t('jurisdiction.restoreConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() => void restore()}
            >
              <Button danger disabled={false} data-testid="card-rules-restore">
                {t('jurisdiction.restore')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
    </Card>
  );
}
