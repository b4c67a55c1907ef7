import { Form, Input, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, CHANNELS, COMPLEXITIES, FALLBACKS, type DispatchRule } from '../../../api/contract-types.js';
import { CategoryTreeSelect } from '../../../components/category-tree-select.js';
import { EnumSelect } from '../../../components/enum-select.js';
import { FormDrawer } from '../../../components/form-drawer.js';
import { FormSelect } from '../../../components/form-select.js';
import { createDispatchRule, updateDispatchRule, dispatchRuleKeys } from '../api/dispatch-api.js';
import { useSave } from '../../../hooks/use-save.js';

interface RuleValues {
  name: string;
  kind?: string | null;
  categoryCode?: string | null;
  complexity?: string | null;
  channel?: string | null;
  targetUnitType: string;
  targetLevel: number;
  fallback: string;
  position?: number | null;
  enabled: boolean;
}

interface RuleEditDrawerProps {
  target: DispatchRule | 'new' | null;
  typeOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}

/** Create or change a dispatch rule: conditions (empty = any), the target unit type and level, the fallback, the place in the order. */
export function RuleEditDrawer({ target, typeOptions, onClose, onSaved }: RuleEditDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RuleValues>();
  const { saving, error, reset, run } = useSave([dispatchRuleKeys.all]);
  const editing = target !== null && target !== 'new' ? target : null;

  // Each opening starts from a clean form: the rule's values, or the defaults for a new one.
  useEffect(() => {
    if (target === null) return;
    reset();
    form.resetFields();
    if (target !== 'new') form.setFieldsValue(target);
  }, [form, target, reset]);

  const save = async (v: RuleValues) => {
    const body = {
      name: v.name.trim(),
      kind: v.kind ?? null,
      categoryCode: v.categoryCode ?? null,
      complexity: v.complexity ?? null,
      channel: v.channel ?? null,
      targetUnitType: v.targetUnitType,
      targetLevel: v.targetLevel,
      fallback: v.fallback,
      enabled: v.enabled,
      ...(v.position ? { position: v.position } : {}),
    } as Parameters<typeof createDispatchRule>[0];
    await run(async () => {
      if (editing) await updateDispatchRule(editing.id, body);
      else await createDispatchRule(body);
      onSaved();
    });
  };

  const req = (key: string) => [{ required: true, message: t('common.required', { field: t(key) }) }];
  const levels = [1, 2, 3, 4, 5].map((level) => ({ value: level, label: t(`levels.${level}`) }));
  const fallbacks = FALLBACKS.map((f) => ({
    value: f,
    label: t(`rules.fallbacks.${f}`),
  }));
  return (
    <FormDrawer
      open={target !== null}
      title={editing ? t('rules.editTitle') : t('rules.create')}
      saving={saving}
      error={error}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitTestId="rule-save"
    >
      <Form<RuleValues>
        form={form}
        layout="vertical"
        name="rule"
        initialValues={{ fallback: 'climb', enabled: true, position: 1 }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="name" label={t('rules.name')} rules={[...req('rules.name'), { max: 80, whitespace: true }]}>
          <Input maxLength={80} data-testid="rule-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('intake.kind')}>
          <EnumSelect
            values={CASE_KINDS}
            prefix="enums.kind"
            allowClear
            placeholder={t('rules.any')}
            data-testid="rule-kind"
          />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('intake.category')}>
          <CategoryTreeSelect data-testid="rule-category" />
        </Form.Item>
        <Form.Item name="complexity" label={t('intake.complexity')}>
          <EnumSelect values={COMPLEXITIES} prefix="enums.complexity" allowClear placeholder={t('rules.any')} />
        </Form.Item>
        <Form.Item name="channel" label={t('intake.channel')}>
          <EnumSelect
            values={CHANNELS}
            prefix="enums.channel"
            allowClear
            placeholder={t('rules.any')}
            data-testid="rule-channel"
          />
        </Form.Item>
        <Form.Item name="targetUnitType" label={t('rules.target')} rules={req('rules.target')}>
          <FormSelect options={typeOptions} showSearch optionFilterProp="label" data-testid="rule-unit-type" />
        </Form.Item>
        <Form.Item name="targetLevel" label={t('rules.targetLevel')} rules={req('rules.targetLevel')}>
          <FormSelect<number> options={levels} data-testid="rule-level" />
        </Form.Item>
        <Form.Item name="fallback" label={t('rules.fallback')}>
          <FormSelect options={fallbacks} />
        </Form.Item>
        <Form.Item name="position" label={t('rules.position')}>
          <InputNumber min={1} max={10000} style={{ width: '100%' }} data-testid="rule-position" />
        </Form.Item>
        <Form.Item name="enabled" label={t('rules.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
