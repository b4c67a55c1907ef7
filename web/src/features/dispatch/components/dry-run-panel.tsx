import { Button, Card, Col, Form, Row } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, CHANNELS, COMPLEXITIES } from '../../../api/contract-types.js';
import { CategoryTreeSelect } from '../../../components/category-tree-select.js';
import { EnumSelect } from '../../../components/enum-select.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import { DecisionText } from '../../intake/components/dispatch-preview.js';
import { dryRunDispatch } from '../api/dispatch-api.js';

type DryRunValues = Parameters<typeof dryRunDispatch>[0];

/** 派单试算: a hypothetical case in, the route and the deciding rule out. */
export function DryRunPanel() {
  const { t } = useTranslation();
  // Asked on demand with the form's values, so a mutation rather than a query kept in the cache.
  const dryRun = useMutation({ mutationFn: dryRunDispatch });
  const { data: decision, error, isPending: running } = dryRun;
  const req = (key: string) => [{ required: true, message: t('common.required', { field: t(key) }) }];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('rules.dryRun')}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="dry-run-panel"
    >
      <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.75)' }}>{t('rules.dryRunHint')}</p>
      <Form<DryRunValues>
        name="dryrun"
        layout="vertical"
        initialValues={{ channel: 'walk_in', complexity: 'general' }}
        onFinish={(v) => dryRun.mutate(v)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="kind" label={t('intake.kind')} rules={req('intake.kind')}>
              <EnumSelect values={CASE_KINDS} prefix="enums.kind" data-testid="dryrun-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="categoryCode" label={t('intake.category')} rules={req('intake.category')}>
              <CategoryTreeSelect data-testid="dryrun-category" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="complexity" label={t('intake.complexity')}>
              <EnumSelect values={COMPLEXITIES} prefix="enums.complexity" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="channel" label={t('intake.channel')} rules={req('intake.channel')}>
              <EnumSelect values={CHANNELS} prefix="enums.channel" data-testid="dryrun-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="regionCode" label={t('intake.region')} rules={req('intake.region')}>
              <RegionPicker data-testid="dryrun-region" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item label=" ">
              <Button type="primary" htmlType="submit" loading={running} data-testid="dryrun-run">
                {t('rules.run')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <ErrorAlert error={error} />
      <div aria-live="polite" data-testid="dryrun-result">
        {decision && <DecisionText decision={decision} />}
      </div>
    </Card>
  );
}
