import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSave } from '../../../hooks/use-save.js';
import { supervisionKeys } from '../../supervision/api/supervision-api.js';
import { caseKeys, requestExtension } from '../api/cases-api.js';

export type RequestableStage = CaseDetail['assignments'][number]['stages'][number];
type Values = { amount: number; reason: string };

/**
 * 申请延期: how much more time (in the unit of the policy's maximum, at most what is left of it) and
 * why. The parent level's leaders decide on the supervision page.
 */
export function ExtensionRequestModal({
  caseId,
  stage,
  onClose,
  onDone,
}: {
  caseId: number;
  stage: RequestableStage | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // The request shows in the case's list and on the board, and the stage's "may request" changes.
  const { saving, error, reset, run } = useSave([supervisionKeys.extensions, caseKeys.detail(caseId)]);
  const left = stage?.extensionLeft;

  const submit = (values: Values) =>
    run(async () => {
      if (!stage) return;
      await requestExtension(caseId, { stage: stage.stage, amount: values.amount, reason: values.reason.trim() });
      message.success(t('cases.ext.requested'));
      onDone();
    });

  return (
    <Modal
      open={stage !== null}
      title={stage ? t('cases.ext.modalTitle', { stage: t(`supervision.stages.${stage.stage}`) }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('actionForm.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'extension-submit' } as Record<string, string>}
      afterClose={reset}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" name="extension" onFinish={(v) => void submit(v)} preserve={false}>
        {left && (
          <Form.Item
            name="amount"
            label={t('cases.ext.amount', { left: left.amount, unit: t(`timeUnits.${left.unit}`) })}
            rules={[{ required: true, message: t('cases.ext.amountRule', { left: left.amount }) }]}
          >
            <InputNumber
              min={1}
              max={left.amount}
              precision={0}
              addonAfter={t(`timeUnits.${left.unit}`)}
              data-testid="extension-amount"
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('supervision.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('cases.ext.reasonRule') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="extension-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
