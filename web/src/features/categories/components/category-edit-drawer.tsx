import { Form, Input, InputNumber, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../api/contract-types.js';
import { FormDrawer } from '../../../components/form-drawer.js';
import { categoryKeys, createCategory, updateCategory } from '../api/categories-api.js';
import { useSave } from '../../../hooks/use-save.js';

/** What the drawer is doing: creating under a parent (null = top level) or editing. */
export type CategoryEditTarget = { mode: 'create'; parent: Category | null } | { mode: 'edit'; category: Category };

interface CategoryFormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
  active: boolean;
}

interface CategoryEditDrawerProps {
  target: CategoryEditTarget | null;
  parentName: (category: Category | null) => string;
  onClose: () => void;
  onSaved: () => void;
}

/** Add a category (code, Chinese and English names, order) or edit one. */
export function CategoryEditDrawer({ target, parentName, onClose, onSaved }: CategoryEditDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CategoryFormValues>();
  const { saving, error, reset, run } = useSave([categoryKeys.all]);
  const editing = target?.mode === 'edit' ? target.category : null;

  // Each opening starts from a clean form: the record's values, or the defaults for a new one.
  useEffect(() => {
    if (target === null) return;
    reset();
    form.resetFields();
    if (target.mode === 'edit') form.setFieldsValue({ ...target.category, active: !target.category.disabled });
  }, [form, target, reset]);

  const save = async (values: CategoryFormValues) => {
    if (!target) return;
    const names = { nameZh: values.nameZh.trim(), nameEn: values.nameEn.trim(), sort: values.sort };
    await run(async () => {
      if (target.mode === 'edit') await updateCategory(target.category.code, { ...names, disabled: !values.active });
      else await createCategory({ ...names, code: values.code.trim(), parentCode: target.parent?.code ?? null });
      onSaved();
    });
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const parent = target?.mode === 'create' ? target.parent : null;
  return (
    <FormDrawer
      open={target !== null}
      title={editing ? t('categories.editTitle') : t('categories.createTitle')}
      saving={saving}
      error={error}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitTestId="category-save"
    >
      {target?.mode === 'create' && (
        <p>
          {t('categories.parent')}: {parentName(parent)}
        </p>
      )}
      <Form<CategoryFormValues>
        form={form}
        layout="vertical"
        name="category"
        onFinish={(values) => void save(values)}
        initialValues={{ sort: 0, active: true }}
      >
        <Form.Item
          name="code"
          label={t('common.code')}
          extra={editing ? undefined : t('categories.codeRule')}
          rules={
            editing
              ? []
              : [required(t('common.code')), { pattern: /^[a-z0-9_]{1,40}$/, message: t('categories.codeRule') }]
          }
        >
          <Input disabled={Boolean(editing)} maxLength={40} autoComplete="off" data-testid="category-code" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('categories.nameZh')} rules={[required(t('categories.nameZh')), { max: 60 }]}>
          <Input maxLength={60} lang="zh-CN" data-testid="category-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('categories.nameEn')} rules={[required(t('categories.nameEn')), { max: 80 }]}>
          <Input maxLength={80} lang="en" data-testid="category-name-en" />
        </Form.Item>
        <Form.Item name="sort" label={t('categories.sort')}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
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
