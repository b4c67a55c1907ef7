import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/contract-types.js';
import { useCan } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { revealParties } from '../api/cases-api.js';

/** 当事人: masked contact data; permitted roles may reveal it with a reason (audited by the server). */
export function CaseParties({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // Revealed data is shown here only, never cached: each reveal is a new audited request with its reason.
  const revelation = useMutation({
    mutationFn: (reason: string) => revealParties(detail.id, reason),
    onSuccess: () => setOpen(false),
  });
  const revealed = revelation.data ?? null;
  const saving = revelation.isPending;
  const error = revelation.error;
  const [form] = Form.useForm<{ reason: string }>();
  const mayReveal = useCan('party.reveal');
  const parties = revealed ?? detail.parties;
  const canReveal = mayReveal && detail.parties.some((p) => p.masked) && !revealed;

  const reveal = ({ reason }: { reason: string }) => revelation.mutate(reason.trim());

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('cases.parties')}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="case-parties"
      extra={
        canReveal && (
          <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="party-reveal">
            {t('cases.reveal')}
          </Button>
        )
      }
    >
      {parties.length === 0 && <span style={{ color: 'rgba(0,0,0,0.75)' }}>{t('cases.noParties')}</span>}
      {parties.map((p) => (
        <Descriptions
          key={p.id}
          size="small"
          column={{ xs: 1, sm: 2 }}
          style={{ marginBottom: 12 }}
          title={
            <Space size={4}>
              {p.name}
              <Tag bordered={false} style={{ color: '#0b3d91', background: '#e6f4ff' }}>
                {t(`enums.partyRole.${p.role}`)}
              </Tag>
              {p.masked && (
                <Tag bordered={false} style={{ color: '#595959', background: '#f0f0f0' }}>
                  {t('cases.masked')}
                </Tag>
              )}
            </Space>
          }
        >
          <Descriptions.Item label={t('intake.partyPhone')}>
            <span data-testid={`party-phone-${p.id}`}>{p.phone ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('intake.partyId')}>{p.idNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('intake.partyAddress')}>{p.address ?? '—'}</Descriptions.Item>
          {p.email && <Descriptions.Item label={t('intake.partyEmail')}>{p.email}</Descriptions.Item>}
        </Descriptions>
      ))}
      <Modal
        open={open}
        title={t('cases.revealTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('actionForm.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'reveal-confirm' } as Record<string, string>}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" name="reveal" onFinish={(v) => void reveal(v)}>
          <Form.Item
            name="reason"
            label={t('cases.revealReason')}
            rules={[{ required: true, whitespace: true, min: 4, max: 200, message: t('cases.revealReasonRule') }]}
          >
            <Input.TextArea rows={2} maxLength={200} data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
