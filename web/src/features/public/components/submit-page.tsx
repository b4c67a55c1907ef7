import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormSelect } from '../../../components/form-select.js';
import { FormTreeSelect } from '../../../components/form-tree-select.js';
import { describeError } from '../../../api/error-message.js';
import { newIdempotencyKey } from '../../../api/new-key.js';
import {
  formTokenQuery,
  publicApi,
  publicCategoriesQuery,
  type PublicCategory,
  type PublicSubmission,
} from '../api/public-api.js';
import { RegionCascader } from './region-cascader.js';
import { SubmitDone } from './submit-done.js';

type Values = Omit<PublicSubmission, 'point'> & { lat?: number; lng?: number };

type CategoryNode = { value: string; title: string; children: CategoryNode[] };

function categoryTree(all: PublicCategory[], zh: boolean, parent: string | null = null): CategoryNode[] {
  return all
    .filter((c) => c.parentCode === parent)
    .map((c) => ({ value: c.code, title: zh ? c.nameZh : c.nameEn, children: categoryTree(all, zh, c.code) }));
}

/** 我要反映: a resident files a case; the tracking code is shown large with a copy button. */
export function SubmitPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const categories = useQuery(publicCategoriesQuery()).data;
  const [code, setCode] = useState<string | null>(null);
  // Each filling-in of the form has its own token (fetched as the form opens) and idempotency key.
  const [round, setRound] = useState(0);
  useQuery(formTokenQuery(round));
  const key = useRef(newIdempotencyKey());
  const tree = useMemo(
    () => categoryTree(categories ?? [], i18n.language.startsWith('zh')),
    [categories, i18n.language],
  );

  const submission = useMutation({
    mutationFn: async (v: Values) => {
      const { token: formToken } = await queryClient.fetchQuery(formTokenQuery(round));
      const point = v.lat !== undefined && v.lng !== undefined ? { lat: v.lat, lng: v.lng } : undefined;
      const r = await publicApi.submit(
        {
          kind: v.kind,
          categoryCode: v.categoryCode,
          regionCode: v.regionCode,
          description: v.description,
          address: v.address || undefined,
          contact: v.contact,
          website: v.website,
          point,
          formToken,
        },
        key.current,
      );
      return r.trackingCode;
    },
    onSuccess: setCode,
    onError: (e) => message.error(describeError(e, t)),
  });
  const sending = submission.isPending;
  const send = (v: Values) => submission.mutate(v);
  const locate = () =>
    navigator.geolocation?.getCurrentPosition((p) => {
      form.setFieldsValue({ lat: p.coords.latitude, lng: p.coords.longitude });
      message.success(t('portal.submit.located'));
    });
  const again = () => {
    setCode(null);
    form.resetFields();
    key.current = newIdempotencyKey();
    setRound((n) => n + 1);
  };

  if (code) return <SubmitDone code={code} onAnother={again} />;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('portal.submit.heading')}
        </Typography.Title>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void send(v)}
        initialValues={{ kind: 'appeal' }}
        requiredMark
      >
        <Form.Item name="kind" label={t('portal.submit.kind')} rules={[{ required: true }]}>
          <FormSelect
            options={(['appeal', 'dispute', 'hazard', 'petition'] as const).map((k) => ({
              value: k,
              label: t(`portal.kinds.${k}`),
            }))}
            data-testid="public-kind"
          />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('portal.submit.category')} rules={[{ required: true }]}>
          <FormTreeSelect treeData={tree} showSearch treeNodeFilterProp="title" data-testid="public-category" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('portal.submit.region')}
          extra={t('portal.submit.regionHint')}
          rules={[{ required: true }]}
        >
          <RegionCascader aria-label={t('portal.submit.region')} />
        </Form.Item>
        {/* the hint stops short of the character count, which antd draws at the same height on the right */}
        <Form.Item
          name="description"
          label={t('portal.submit.description')}
          extra={<span style={{ display: 'block', paddingRight: 80 }}>{t('portal.submit.descriptionHint')}</span>}
          rules={[{ required: true, min: 5, max: 5000 }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="public-description" />
        </Form.Item>
        <Form.Item name="address" label={t('portal.submit.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('portal.submit.point')}>
          <Button onClick={locate}>{t('portal.submit.locate')}</Button>
          <Form.Item name="lat" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="lng" hidden>
            <Input />
          </Form.Item>
        </Form.Item>
        <Form.Item
          name={['contact', 'name']}
          label={t('portal.submit.contactName')}
          rules={[{ required: true, max: 60 }]}
        >
          <Input autoComplete="name" data-testid="public-contact-name" />
        </Form.Item>
        <Form.Item
          name={['contact', 'phone']}
          label={t('portal.submit.phone')}
          rules={[{ required: true, pattern: /^1[3-9]\d{9}$|^[\d\s+()-]{7,20}$/ }]}
        >
          <Input inputMode="tel" autoComplete="tel" data-testid="public-contact-phone" />
        </Form.Item>
        {/* honeypot: hidden from people and screen readers; scripts fill every field */}
        <div aria-hidden="true" style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>
          <Form.Item name="website">
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={sending} block size="large" data-testid="public-submit">
          {sending ? t('portal.submit.sending') : t('portal.submit.send')}
        </Button>
      </Form>
    </Card>
  );
}
