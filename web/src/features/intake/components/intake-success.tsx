import { Button, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CaseDetail } from '../../../api/contract-types.js';

/** After submitting: the tracking code, large, and a link to the case. */
export function IntakeSuccess({ registered, onAnother }: { registered: CaseDetail; onAnother: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={<h2 style={{ fontSize: 22, margin: 0 }}>{t('intake.submitted')}</h2>}
      subTitle={
        <Space direction="vertical" size={4}>
          <span style={{ color: 'rgba(0,0,0,0.75)' }}>{t('intake.trackingCode')}</span>
          <Typography.Text
            copyable
            strong
            style={{ fontSize: 32, letterSpacing: 2 }}
            data-testid="intake-tracking-code"
          >
            {registered.trackingCode}
          </Typography.Text>
          <span style={{ color: 'rgba(0,0,0,0.75)' }}>{t('intake.trackingHint')}</span>
        </Space>
      }
      extra={
        <Space wrap style={{ justifyContent: 'center' }}>
          <Button type="primary" onClick={() => navigate(`/cases/${registered.id}`)} data-testid="intake-open-case">
            {t('intake.openCase')}
          </Button>
          <Button onClick={onAnother} data-testid="intake-another">
            {t('intake.another')}
          </Button>
        </Space>
      }
    />
  );
}
