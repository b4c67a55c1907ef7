import { useMutation } from '@tanstack/react-query';
import { App, Alert, Button, Form, Input, Radio } from 'antd';
import { FormRadioGroup } from '../../../components/form-radio-group.js';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../api/error-message.js';
import { RATINGS } from '../../../api/contract-types.js';
import { publicApi, type PublicCase, type ResidentKey } from '../api/public-api.js';

/** Rating a resolved case; "dissatisfied" sends it back to the unit to redo. */
export function EvaluatePanel({
  view,
  residentKey,
  onChange,
}: {
  view: PublicCase;
  residentKey: ResidentKey;
  onChange: (v: PublicCase) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rating = useMutation({
    mutationFn: (v: { rating: string; comment?: string }) =>
      publicApi.evaluate(residentKey, v.rating, v.comment?.trim() || undefined),
    onSuccess: (next) => {
      onChange(next);
      message.success(t('portal.evaluate.done'));
    },
    onError: (e) => message.error(describeError(e, t)),
  });
  const busy = rating.isPending;
  if (!view.canEvaluate) {
    if (view.evaluation?.rating === 'dissatisfied' && view.status === 'in_progress')
      return (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          message={t('portal.evaluate.reopened')}
          data-testid="public-reopened"
        />
      );
    return view.evaluation ? (
      <Alert style={{ marginTop: 8 }} type="success" showIcon message={t('portal.evaluate.rated')} />
    ) : null;
  }
  const send = (v: { rating: string; comment?: string }) => rating.mutate(v);
  return (
    <Form layout="vertical" onFinish={(v) => void send(v)} style={{ marginTop: 12 }}>
      <Form.Item name="rating" label={t('portal.evaluate.rating')} rules={[{ required: true }]}>
        <FormRadioGroup data-testid="public-rating">
          {RATINGS.map((r) => (
            <Radio.Button key={r} value={r}>
              {t(`portal.evaluate.${r}`)}
            </Radio.Button>
          ))}
        </FormRadioGroup>
      </Form.Item>
      <Form.Item name="comment" label={t('portal.evaluate.comment')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="public-evaluate">
        {t('portal.evaluate.button')}
      </Button>
    </Form>
  );
}
