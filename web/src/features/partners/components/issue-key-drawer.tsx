import { Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PARTNER_CHANNELS,
  TRANSFER_SOURCES,
  type IssuedPartnerKey,
  type IssuePartnerKeyInput,
} from '../../../api/contract-types.js';
import { EnumSelect } from '../../../components/enum-select.js';
import { FormDrawer } from '../../../components/form-drawer.js';
import { FormRadioGroup } from '../../../components/form-radio-group.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import { issuePartnerKey, partnerKeyKeys } from '../api/partner-keys-api.js';
import { useSave } from '../../../hooks/use-save.js';

type IssueFormValues = Omit<IssuePartnerKeyInput, 'transferSource'> & {
  transferSource?: IssuePartnerKeyInput['transferSource'] | null;
};

interface IssueKeyDrawerProps {
  open: boolean;
  onClose: () => void;
  onIssued: (issued: IssuedPartnerKey) => void;
}

/** Issue a key: the partner's name, the channel its cases arrive through, and the jurisdiction it may file in. */
export function IssueKeyDrawer({ open, onClose, onIssued }: IssueKeyDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IssueFormValues>();
  const channel = Form.useWatch('channel', form);
  const { saving, error, reset, run } = useSave([partnerKeyKeys.all]);

  useEffect(() => {
    if (!open) return;
    reset();
    form.resetFields();
  }, [form, open, reset]);

  const issue = async ({ transferSource, ...values }: IssueFormValues) => {
    await run(async () => {
      // The server accepts a transfer source on transfer keys only, so it is sent only with them.
      const source = values.channel === 'transfer' && transferSource ? { transferSource } : {};
      onIssued(await issuePartnerKey({ ...values, name: values.name.trim(), ...source }));
    });
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormDrawer
      open={open}
      title={t('partnerKeys.issueTitle')}
      saving={saving}
      error={error}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitLabel={t('partnerKeys.issue')}
      submitTestId="partner-key-submit"
    >
      <Form<IssueFormValues>
        form={form}
        layout="vertical"
        name="partner-key"
        initialValues={{ channel: 'hotline' }}
        onFinish={(values) => void issue(values)}
      >
        <Form.Item
          name="name"
          label={t('partnerKeys.name')}
          rules={[{ ...required(t('partnerKeys.name')), whitespace: true, min: 2, max: 100 }]}
        >
          <Input maxLength={100} placeholder={t('partnerKeys.namePlaceholder')} data-testid="partner-key-name" />
        </Form.Item>
        <Form.Item
          name="channel"
          label={t('partnerKeys.channel')}
          extra={t('partnerKeys.channelHint')}
          rules={[required(t('partnerKeys.channel'))]}
        >
          <FormRadioGroup optionType="button" data-testid="partner-key-channel">
            {PARTNER_CHANNELS.map((c) => (
              <Radio.Button key={c} value={c} data-testid={`partner-key-channel-${c}`}>
                {t(`enums.channel.${c}`)}
              </Radio.Button>
            ))}
          </FormRadioGroup>
        </Form.Item>
        {channel === 'transfer' && (
          <Form.Item
            name="transferSource"
            label={t('partnerKeys.transferSource')}
            rules={[required(t('partnerKeys.transferSource'))]}
          >
            <EnumSelect
              values={TRANSFER_SOURCES}
              prefix="enums.transferSource"
              data-testid="partner-key-transfer-source"
            />
          </Form.Item>
        )}
        <Form.Item
          name="regionCode"
          label={t('partnerKeys.jurisdiction')}
          extra={t('partnerKeys.jurisdictionHint')}
          rules={[required(t('partnerKeys.jurisdiction'))]}
        >
          <RegionPicker allowClear={false} data-testid="partner-key-region" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
