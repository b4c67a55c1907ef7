import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber } from 'antd';
import { FormRadioGroup } from '../../../components/form-radio-group.js';
import { useTranslation } from 'react-i18next';
import {
  AGREEMENTS,
  EVALUATORS,
  GUIDANCES,
  HANDLING_MODES,
  OUTCOME_KINDS,
  RATINGS,
  REOPEN_REASONS,
  SEND_BACK_REASONS,
  type CaseActionName,
  type CaseDetail,
} from '../../../api/contract-types.js';
import { EnumSelect } from '../../../components/enum-select.js';
import { FormSelect } from '../../../components/form-select.js';
import { UnitSelect } from '../../units/components/unit-select.js';
import { DispatchSuggestion } from './dispatch-suggestion.js';

/** start_handling chooses on site or online; joint handling is its own action (request_joint). */
const START_MODES = HANDLING_MODES.filter((m) => m !== 'joint');

/** The fields of one action's form; ActionModal turns the values into the action's body. */
export function ActionFields({ action, detail }: { action: CaseActionName; detail: CaseDetail }) {
  const { t } = useTranslation();
  const req = (key: string) => [{ required: true, whitespace: true, message: t('common.required', { field: t(key) }) }];
  const text = (name: string, label: string, required = false, max = 1000) => (
    <Form.Item name={name} label={t(label)} rules={required ? [...req(label), { max }] : [{ max }]}>
      <Input.TextArea rows={2} maxLength={max} data-testid={`action-${name}`} />
    </Form.Item>
  );
  const radios = (name: string, label: string, values: readonly string[], prefix: string) => (
    <Form.Item
      name={name}
      label={t(label)}
      rules={[{ required: true, message: t('common.required', { field: t(label) }) }]}
    >
      <FormRadioGroup
        options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))}
        data-testid={`action-${name}`}
      />
    </Form.Item>
  );
  const unit = (
    <Form.Item
      name="unitId"
      label={t('actionForm.unit')}
      rules={[{ required: true, message: t('common.required', { field: t('actionForm.unit') }) }]}
    >
      <UnitSelect data-testid="action-unit" />
    </Form.Item>
  );
  switch (action) {
    case 'dispatch':
    case 'redispatch':
      return (
        <>
          <DispatchSuggestion detail={detail} />
          {unit}
          {text('task', 'actionForm.task')}
        </>
      );
    case 'transfer':
      return (
        <>
          {unit}
          {text('note', 'actionForm.reason', true)}
          {text('task', 'actionForm.task')}
        </>
      );
    case 'start_handling':
      return radios('mode', 'actionForm.mode', START_MODES, 'enums.mode');
    case 'escalate':
      return text('task', 'actionForm.task');
    case 'send_back':
      return (
        <>
          <Form.Item
            name="reasonCode"
            label={t('actionForm.reasonCode')}
            rules={[{ required: true, message: t('common.required', { field: t('actionForm.reasonCode') }) }]}
          >
            <EnumSelect values={SEND_BACK_REASONS} prefix="enums.sendBack" data-testid="action-reasonCode" />
          </Form.Item>
          {text('note', 'actionForm.note')}
        </>
      );
    case 'suspend':
      return text('reason', 'actionForm.reason', true);
    case 'reply_co_task':
      return text('reply', 'actionForm.reply', true, 2000);
    case 'close_co_task': {
      const coUnits = detail.assignments.filter((a) => a.role === 'co' && a.state !== 'closed');
      return (
        <>
          <Form.Item
            name="unitId"
            label={t('actionForm.coUnits')}
            rules={[{ required: true, message: t('common.required', { field: t('actionForm.coUnits') }) }]}
          >
            <FormSelect<number> options={coUnits.map((a) => ({ value: a.unit.id, label: a.unit.name }))} />
          </Form.Item>
          {text('note', 'actionForm.note')}
        </>
      );
    }
    case 'resolve':
      return <ResolveFields />;
    case 'evaluate':
      return (
        <>
          {radios('rating', 'actionForm.rating', RATINGS, 'enums.rating')}
          {radios('by', 'actionForm.by', EVALUATORS, 'enums.by')}
          {text('note', 'actionForm.note')}
        </>
      );
    case 'reopen':
      return (
        <>
          {radios('reason', 'actionForm.reason', REOPEN_REASONS, 'enums.reopen')}
          {text('note', 'actionForm.note')}
        </>
      );
    case 'merge':
      return (
        <>
          <Form.Item
            name="into"
            label={t('actionForm.into')}
            rules={[{ required: true, message: t('common.required', { field: t('actionForm.into') }) }]}
          >
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          {text('note', 'actionForm.note')}
        </>
      );
    case 'request_joint':
      return <JointFields />;
    case 'resume':
    case 'close':
      return text('note', 'actionForm.note');
    default:
      return null;
  }
}

function ResolveFields() {
  const { t } = useTranslation();
  const kind = Form.useWatch<string | undefined>('outcomeKind');
  const rule = (key: string) => [
    { required: true, whitespace: true, message: t('common.required', { field: t(key) }) },
  ];
  return (
    <>
      <Form.Item name="outcomeKind" label={t('actionForm.outcomeKind')} rules={rule('actionForm.outcomeKind')}>
        <FormRadioGroup
          options={OUTCOME_KINDS.map((v) => ({ value: v, label: t(`enums.outcome.${v}`) }))}
          data-testid="action-outcomeKind"
        />
      </Form.Item>
      {kind === 'mediated' && (
        <Form.Item name="agreement" label={t('actionForm.agreement')} rules={rule('actionForm.agreement')}>
          <FormRadioGroup
            options={AGREEMENTS.map((v) => ({ value: v, label: t(`enums.agreement.${v}`) }))}
            data-testid="action-agreement"
          />
        </Form.Item>
      )}
      {kind === 'not_mediated' && (
        <Form.Item name="guidance" label={t('actionForm.guidance')} rules={rule('actionForm.guidance')}>
          <FormRadioGroup options={GUIDANCES.map((v) => ({ value: v, label: t(`enums.guidance.${v}`) }))} />
        </Form.Item>
      )}
      <Form.Item
        name="summary"
        label={t(kind === 'not_accepted' ? 'actionForm.reason' : 'actionForm.summary')}
        rules={[...rule('actionForm.summary'), { max: 2000 }]}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid="action-summary" />
      </Form.Item>
    </>
  );
}

function JointFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="leadTask" label={t('actionForm.leadTask')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.List name="coUnits" initialValue={[{}]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                extra={
                  fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={`${t('actionForm.remove')} ${index + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  )
                }
              >
                <Form.Item
                  name={[field.name, 'unitId']}
                  label={`${t('actionForm.coUnits')} ${index + 1}`}
                  rules={[{ required: true, message: t('common.required', { field: t('actionForm.coUnits') }) }]}
                >
                  <UnitSelect />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'task']}
                  label={t('actionForm.coTask')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      max: 1000,
                      message: t('common.required', { field: t('actionForm.coTask') }),
                    },
                  ]}
                >
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
              </Card>
            ))}
            {fields.length < 10 && (
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('actionForm.addCoUnit')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}
