import { Button, Card, Col, Form, Input, Row } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_KINDS,
  CHANNELS,
  COMPLEXITIES,
  TRANSFER_SOURCES,
  type CaseDetail,
  type SubmitCaseInput,
} from '../../../api/contract-types.js';
import { newIdempotencyKey } from '../../../api/new-key.js';
import { CategoryTreeSelect } from '../../../components/category-tree-select.js';
import { EnumSelect } from '../../../components/enum-select.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import { useSave } from '../../../hooks/use-save.js';
import { caseKeys, submitCase } from '../../cases/api/cases-api.js';
import { DispatchPreview } from './dispatch-preview.js';
import { IntakeMap } from './intake-map.js';
import { IntakeSuccess } from './intake-success.js';
import { AttachmentRows, PartyRows } from './party-rows.js';

type Blank<T> = { [K in keyof T]?: T[K] | string | null };
interface IntakeValues {
  channel: string;
  transferSource?: string;
  transferReference?: string;
  kind: string;
  categoryCode: string;
  complexity: string;
  title: string;
  description: string;
  regionCode: string;
  address?: string;
  point?: { lat: number; lng: number } | null;
  parties?: Blank<SubmitCaseInput['parties'][number]>[];
  attachments?: { name: string; contentType?: string; size?: number | null }[];
}

const trimmed = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function toInput(v: IntakeValues) {
  return {
    kind: v.kind,
    channel: v.channel,
    ...(v.channel === 'transfer'
      ? { transfer: { source: v.transferSource, reference: v.transferReference?.trim() } }
      : {}),
    title: v.title.trim(),
    description: v.description.trim(),
    categoryCode: v.categoryCode,
    complexity: v.complexity,
    regionCode: v.regionCode,
    ...(v.point ? { point: v.point } : {}),
    ...(trimmed(v.address) ? { address: trimmed(v.address) } : {}),
    parties: (v.parties ?? []).map((p) => ({
      role: p.role,
      name: String(p.name ?? '').trim(),
      phone: trimmed(p.phone),
      idNumber: trimmed(p.idNumber)?.toUpperCase(),
      address: trimmed(p.address),
    })),
    attachments: (v.attachments ?? []).map((a) => ({
      name: a.name.trim(),
      contentType: a.contentType?.trim() ?? '',
      size: a.size ?? 0,
    })),
  } as Parameters<typeof submitCase>[0];
}

/** 受理登记: one form for every channel, with the dispatch preview beside it; works on a 360 px phone. */
export function IntakePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<IntakeValues>();
  // A new case shows in every case list and the workbench's tasks.
  const { saving, error, run } = useSave([caseKeys.all]);
  const [registered, setRegistered] = useState<CaseDetail | null>(null);
  // One key per submission of this form, repeated on retry, so a retry after a lost answer files nothing twice.
  const key = useRef(newIdempotencyKey());
  const watched = {
    kind: Form.useWatch('kind', form),
    categoryCode: Form.useWatch('categoryCode', form),
    complexity: Form.useWatch('complexity', form),
    channel: Form.useWatch('channel', form),
    regionCode: Form.useWatch('regionCode', form),
  };

  const submit = (values: IntakeValues) =>
    run(async () => {
      setRegistered(await submitCase(toInput(values), key.current));
      window.scrollTo({ top: 0 });
    });

  const another = () => {
    key.current = newIdempotencyKey();
    form.resetFields();
    setRegistered(null);
  };

  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  if (registered) {
    return (
      <>
        <PageHeader title={t('intake.title')} />
        <Card>
          <IntakeSuccess registered={registered} onAnother={another} />
        </Card>
      </>
    );
  }
  const section = (title: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>;
  return (
    <>
      <PageHeader title={t('intake.title')} subtitle={t('intake.subtitle')} />
      <ErrorAlert error={error} />
      <Form<IntakeValues>
        form={form}
        name="intake"
        layout="vertical"
        initialValues={{ channel: 'walk_in', complexity: 'general', parties: [{ role: 'applicant' }] }}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Card title={section(t('intake.basics'))} style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="channel" label={t('intake.channel')} rules={required(t('intake.channel'))}>
                    <EnumSelect values={CHANNELS} prefix="enums.channel" data-testid="intake-channel" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="kind" label={t('intake.kind')} rules={required(t('intake.kind'))}>
                    <EnumSelect values={CASE_KINDS} prefix="enums.kind" data-testid="intake-kind" />
                  </Form.Item>
                </Col>
                {watched.channel === 'transfer' && (
                  <>
                    <Col xs={24} sm={12}>
                      <Form.Item
                        name="transferSource"
                        label={t('intake.transferSource')}
                        rules={required(t('intake.transferSource'))}
                      >
                        <EnumSelect
                          values={TRANSFER_SOURCES}
                          prefix="enums.transferSource"
                          data-testid="intake-transfer-source"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12}>
                      <Form.Item
                        name="transferReference"
                        label={t('intake.transferReference')}
                        rules={[...required(t('intake.transferReference')), { max: 100 }]}
                      >
                        <Input maxLength={100} data-testid="intake-transfer-reference" />
                      </Form.Item>
                    </Col>
                  </>
                )}
                <Col xs={24} sm={12}>
                  <Form.Item name="categoryCode" label={t('intake.category')} rules={required(t('intake.category'))}>
                    <CategoryTreeSelect data-testid="intake-category" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="complexity" label={t('intake.complexity')} rules={required(t('intake.complexity'))}>
                    <EnumSelect values={COMPLEXITIES} prefix="enums.complexity" data-testid="intake-complexity" />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    name="title"
                    label={t('intake.titleField')}
                    rules={[...required(t('intake.titleField')), { min: 2, max: 120 }]}
                  >
                    <Input maxLength={120} data-testid="intake-title" />
                  </Form.Item>
                  <Form.Item
                    name="description"
                    label={t('intake.description')}
                    rules={[...required(t('intake.description')), { min: 2, max: 5000 }]}
                  >
                    <Input.TextArea rows={4} maxLength={5000} data-testid="intake-description" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title={section(t('intake.place'))} style={{ marginBottom: 16 }}>
              <Form.Item name="regionCode" label={t('intake.region')} rules={required(t('intake.region'))}>
                <RegionPicker data-testid="intake-region" />
              </Form.Item>
              <Form.Item name="address" label={t('intake.address')} rules={[{ max: 200 }]}>
                <Input maxLength={200} data-testid="intake-address" />
              </Form.Item>
              <Form.Item name="point" label={t('intake.map')}>
                <IntakeMap regionCode={watched.regionCode} />
              </Form.Item>
            </Card>
            <Card title={section(t('intake.parties'))} style={{ marginBottom: 16 }}>
              <PartyRows />
            </Card>
            <Card title={section(t('intake.attachments'))}>
              <AttachmentRows />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <div style={{ position: 'sticky', top: 16 }}>
              <DispatchPreview {...watched} />
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                block
                loading={saving}
                style={{ marginTop: 16 }}
                data-testid="intake-submit"
              >
                {t('intake.submit')}
              </Button>
            </div>
          </Col>
        </Row>
      </Form>
    </>
  );
}
