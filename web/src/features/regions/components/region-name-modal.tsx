import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { regionKeys } from '../../../api/regions-api.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSave } from '../../../hooks/use-save.js';

export interface RegionNameValues {
  name: string;
  code?: string;
}

interface RegionNameModalProps {
  open: boolean;
  title: string;
  initialName?: string;
  /** Show the optional code field (when creating). */
  withCode?: boolean;
  onSubmit: (values: RegionNameValues) => Promise<void>;
  onClose: () => void;
}

/** The small form for adding a grid / micro-grid or renaming a region. */
export function RegionNameModal({ open, title, initialName, withCode, onSubmit, onClose }: RegionNameModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegionNameValues>();
  // Every region read (names in pickers, search results, the selected region) reloads after a change.
  const { saving, error, reset, run } = useSave([regionKeys.all]);

  const close = () => {
    reset();
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await onSubmit({ name: values.name.trim(), ...(values.code ? { code: values.code.trim() } : {}) });
      close();
    });
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        name="region-name"
        preserve={false}
        initialValues={{ name: initialName ?? '', code: '' }}
      >
        <Form.Item
          name="name"
          label={withCode ? t('common.name') : t('regions.newName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('common.name') }), max: 100 },
          ]}
        >
          <Input autoFocus maxLength={100} data-testid="region-name-input" />
        </Form.Item>
        {withCode && (
          <Form.Item
            name="code"
            label={t('regions.codeOptional')}
            rules={[{ pattern: /^\d{2,18}$/, message: '2–18 digits' }]}
          >
            <Input inputMode="numeric" maxLength={18} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
