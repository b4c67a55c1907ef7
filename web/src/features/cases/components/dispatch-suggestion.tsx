import { Alert, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/contract-types.js';
import { useDryRun } from '../../dispatch/api/use-dry-run.js';

/** In the dispatch / re-dispatch form: where the rules would send this case, with a button to take it. */
export function DispatchSuggestion({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const { decision } = useDryRun({
    kind: detail.kind,
    categoryCode: detail.categoryCode,
    complexity: detail.complexity,
    channel: detail.channel,
    regionCode: detail.regionCode,
  });
  if (!decision?.unit) return null;
  const unit = decision.unit;
  const explanation = i18n.language.startsWith('zh') ? decision.explanation.zh : decision.explanation.en;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      data-testid="dispatch-suggestion"
      message={t('actionForm.suggestion', { text: explanation })}
      action={
        <Button size="small" onClick={() => form.setFieldValue('unitId', unit.id)}>
          {t('actionForm.useSuggestion')}
        </Button>
      }
    />
  );
}
