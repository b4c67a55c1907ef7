import { Alert, Card, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchDecision } from '../../../api/contract-types.js';
import { isAbort } from '../../../api/http-client.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { dryRunDispatch } from '../../dispatch/api/dispatch-api.js';

export interface PreviewInput {
  kind?: string | null | undefined;
  categoryCode?: string | null | undefined;
  complexity?: string | null | undefined;
  channel?: string | null | undefined;
  regionCode?: string | null | undefined;
}

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

/** Re-runs the dispatch dry-run (debounced) whenever kind, category, complexity, channel or region change. */
export function useDryRun(input: PreviewInput) {
  const [decision, setDecision] = useState<DispatchDecision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const { kind, categoryCode, complexity, channel, regionCode } = input;
  const ready = Boolean(kind && categoryCode && channel && regionCode);

  useEffect(() => {
    if (!ready) {
      setDecision(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      setLoading(true);
      dryRunDispatch({ kind, categoryCode, complexity: complexity ?? 'general', channel, regionCode } as Parameters<
        typeof dryRunDispatch
      >[0]).then(
        (result) => {
          if (!live) return;
          setDecision(result);
          setError(null);
          setLoading(false);
        },
        (failure: unknown) => {
          if (!live || isAbort(failure)) return;
          setError(failure);
          setLoading(false);
        },
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [ready, kind, categoryCode, complexity, channel, regionCode]);

  return { decision, error, loading, ready };
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
