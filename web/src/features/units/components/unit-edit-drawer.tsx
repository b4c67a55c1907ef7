import { Form, Input, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../api/contract-types.js';
import { FormDrawer } from '../../../components/form-drawer.js';
import { FormSelect } from '../../../components/form-select.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import { createUnit, updateUnit, unitKeys } from '../api/units-api.js';
import { useSave } from '../../../hooks/use-save.js';

interface UnitFormValues {
  typeCode: string;
  regionCode: string;
  name: string;
  phone?: string;
  active: boolean;
}

interface UnitEditDrawerProps {
  /** `'new'` to create, a unit to edit, null when closed. */
  target: Unit | 'new' | null;
  typeOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

/** Create a unit (type, region, name, phone) or edit one (name, phone, active). */
export function UnitEditDrawer({ target, typeOptions, onClose, onSaved }: UnitEditDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UnitFormValues>();
  const { saving, error, reset, run } = useSave([unitKeys.all]);
  const editing = target !== null && target !== 'new' ? target : null;

  // Each opening starts from a clean form: the unit's values, or the defaults for a new one.
  useEffect(() => {
    if (target === null) return;
    reset();
    form.resetFields();
    if (target !== 'new') form.setFieldsValue({ ...target, phone: target.phone ?? '', active: !target.disabled });
  }, [form, target, reset]);

  const save = async (values: UnitFormValues) => {
    const phone = values.phone?.trim() ? values.phone.trim() : null;
    await run(async () => {
      const saved = editing
        ? await updateUnit(editing.id, { name: values.name.trim(), phone, disabled: !values.active })
        : await createUnit({
            typeCode: values.typeCode,
            regionCode: values.regionCode,
            name: values.name.trim(),
            phone,
          });
      onSaved(saved);
    });
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormDrawer
      open={target !== null}
      title={editing ? t('units.editTitle') : t('units.createTitle')}
      saving={saving}
      error={error}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitTestId="unit-save"
    >
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        name="unit"
        onFinish={(values) => void save(values)}
        initialValues={{ active: true }}
      >
        <Form.Item name="typeCode" label={t('units.type')} rules={editing ? [] : [required(t('units.type'))]}>
          <FormSelect options={typeOptions} disabled={Boolean(editing)} data-testid="unit-type" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('units.region')} rules={editing ? [] : [required(t('units.region'))]}>
          <RegionPicker disabled={Boolean(editing)} allowClear={false} data-testid="unit-region" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ ...required(t('units.name')), whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('units.phone')} rules={[{ max: 40 }]}>
          <Input maxLength={40} inputMode="tel" autoComplete="off" />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.enabled')} unCheckedChildren={t('common.disabled')} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
