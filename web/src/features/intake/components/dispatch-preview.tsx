import { Alert, Card, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DispatchDecision } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { type PreviewInput, useDryRun } from '../../dispatch/api/use-dry-run.js';

/** A dry-run decision in words: "will go to … because rule …", in the UI language. */
export function DecisionText({ decision }: { decision: DispatchDecision }) {
  const { t, i18n } = useTranslation();
  const explanation = i18n.language.startsWith('zh') ? decision.explanation.zh : decision.explanation.en;
  if (!decision.unit) return <Alert type="warning" showIcon message={t('intake.previewNone', { explanation })} />;
  return (
    <div data-testid="dispatch-preview-text">
      <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 4 }}>
        {t('intake.previewTo', { unit: decision.unit.name })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ margin: 0, color: 'rgba(0,0,0,0.75)' }}>
        {t('intake.previewBecause', { explanation })}
      </Typography.Paragraph>
    </div>
  );
}

/** The intake form's side panel. */
export function DispatchPreview(props: PreviewInput) {
  const { t } = useTranslation();
  const { decision, error, loading, ready } = useDryRun(props);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('intake.preview')}</h2>}
      data-testid="dispatch-preview"
      aria-live="polite"
    >
      <ErrorAlert error={error} />
      <Spin spinning={loading}>
        {!ready && (
          <Typography.Paragraph style={{ margin: 0, color: 'rgba(0,0,0,0.75)' }}>
            {t('intake.previewNeeds')}
          </Typography.Paragraph>
        )}
        {ready && decision && <DecisionText decision={decision} />}
      </Spin>
    </Card>
  );
}
