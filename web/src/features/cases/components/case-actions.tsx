import { App, Button, Card, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error.js';
import type { CaseActionName, CaseDetail } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { actOnCase } from '../api/cases-api.js';
import { ActionFields } from './action-fields.js';

type Values = Record<string, unknown>;
// Actions whose form has no fields: a confirmation is enough.
const NO_FIELDS = new Set<string>(['sign', 'sign_co_task']);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Form values → the action's body (src/contract/cases.ts ActionBodies). */
function bodyFor(action: CaseActionName, v: Values, expectedVersion: number): Record<string, unknown> {
  switch (action) {
    case 'resolve': {
      const kind = v.outcomeKind as string;
      const summary = str(v.summary);
      const outcome =
        kind === 'not_accepted'
          ? { kind, reason: summary }
          : kind === 'mediated'
            ? { kind, agreement: v.agreement, summary }
            : kind === 'not_mediated'
              ? { kind, guidance: v.guidance, summary }
              : { kind, summary };
      return { expectedVersion, outcome };
    }
    case 'request_joint':
      return {
        expectedVersion,
        leadTask: str(v.leadTask),
        coUnits: (v.coUnits as Values[]).map((c) => ({ unitId: c.unitId, task: str(c.task) })),
      };
    default: {
      const body: Record<string, unknown> = { expectedVersion };
      for (const [key, value] of Object.entries(v)) body[key] = typeof value === 'string' ? str(value) : value;
      return body;
    }
  }
}

/** Buttons for exactly the actions the server offers, each opening its form; 409 StaleVersion reloads. */
export function CaseActions({
  detail,
  onChanged,
  onStale,
}: {
  detail: CaseDetail;
  onChanged: (next: CaseDetail) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [action, setAction] = useState<CaseActionName | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const actions = detail.availableActions as CaseActionName[];

  const open = (next: CaseActionName) => {
    setError(null);
    form.resetFields();
    setAction(next);
  };

  const run = async (values: Values) => {
    if (!action) return;
    setSaving(true);
    setError(null);
    try {
      const next = await actOnCase(detail.id, action, bodyFor(action, values, detail.version) as never);
      message.success(t('actionForm.done', { action: t(`actions.${action}`) }));
      setAction(null);
      onChanged(next);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'StaleVersion') {
        message.warning(t('actionForm.stale'));
        setAction(null);
        onStale();
      } else setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('cases.actions')}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="case-actions"
    >
      {actions.length === 0 ? (
        <span style={{ color: 'rgba(0,0,0,0.75)' }}>{t('cases.noActions')}</span>
      ) : (
        <Space wrap>
          {actions.map((name, i) => (
            <Button
              key={name}
              type={i === 0 ? 'primary' : 'default'}
              onClick={() => open(name)}
              data-testid={`action-${name}`}
            >
              {t(`actions.${name}`)}
            </Button>
          ))}
        </Space>
      )}
      <Modal
        open={action !== null}
        title={action ? t('actionForm.title', { action: t(`actions.${action}`), code: detail.trackingCode }) : ''}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        okText={t('actionForm.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'action-submit' } as Record<string, string>}
        destroyOnHidden
      >
        <ErrorAlert error={error} />
        <Form<Values> form={form} layout="vertical" name="action" onFinish={(v) => void run(v)} preserve={false}>
          {action && !NO_FIELDS.has(action) && <ActionFields action={action} detail={detail} />}
        </Form>
      </Modal>
    </Card>
  );
}
