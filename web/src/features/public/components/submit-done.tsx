import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** The tracking code, large, with a copy button and the way on to tracking. */
export function SubmitDone({ code, onAnother }: { code: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      message.success(t('portal.submit.copied'));
    } catch {
      /* clipboard blocked: the code is on screen */
    }
  };
  return (
    <Result
      status="success"
      title={t('portal.submit.done')}
      subTitle={
        <>
          <div>{t('portal.submit.codeLabel')}</div>
          <Typography.Text
            strong
            copyable={false}
            style={{ fontSize: 28, letterSpacing: 2, fontFamily: 'monospace', display: 'block', margin: '8px 0' }}
            data-testid="public-tracking-code"
          >
            {code}
          </Typography.Text>
          <div>{t('portal.submit.codeHelp')}</div>
        </>
      }
      extra={
        <Space wrap>
          <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="public-copy-code">
            {t('portal.submit.copy')}
          </Button>
          <Button type="primary" onClick={() => navigate('/public/track', { state: { code } })}>
            {t('portal.submit.trackNow')}
          </Button>
          <Button onClick={onAnother}>{t('portal.submit.another')}</Button>
        </Space>
      }
    />
  );
}
