import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error.js';
import type { CaseActionName, CaseDetail } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useSave } from '../../../hooks/use-save.js';
import { notificationKeys } from '../../notifications/api/notifications-api.js';
import { supervisionKeys } from '../../supervision/api/supervision-api.js';
import { actOnCase, caseKeys } from '../api/cases-api.js';
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

/**
 * Buttons for exactly the actions the server offers, each opening its form; 409 StaleVersion reloads.
 * An action changes the case's lists, its cards and extension requests and somebody's inbox: all reload.
 */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [action, setAction] = useState<CaseActionName | null>(null);
  const queryClient = useQueryClient();
  const { saving, error, reset, run } = useSave([
    caseKeys.all,
    supervisionKeys.cards,
    supervisionKeys.extensions,
    notificationKeys.inbox,
  ]);
  const actions = detail.availableActions as CaseActionName[];

  const open = (next: CaseActionName) => {
    reset();
    form.resetFields();
    setAction(next);
  };

  const act = (values: Values) => {
    if (!action) return;
    return run(
      async () => {
        const next = await actOnCase(detail.id, action, bodyFor(action, values, detail.version) as never);
        queryClient.setQueryData(caseKeys.detail(detail.id), next);
        message.success(t('actionForm.done', { action: t(`actions.${action}`) }));
        setAction(null);
      },
      (failure) => {
        if (!(failure instanceof ApiError && failure.code === 'StaleVersion')) return;
        // Someone else moved the case first: show what it is now instead of a form built on the old state.
        message.warning(t('actionForm.stale'));
        setAction(null);
        reset();
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(detail.id) });
      },
    );
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
        <Form<Values> form={form} layout="vertical" name="action" onFinish={(v) => void act(v)} preserve={false}>
          {action && !NO_FIELDS.has(action) && <ActionFields action={action} detail={detail} />}
        </Form>
      </Modal>
    </Card>
  );
}
