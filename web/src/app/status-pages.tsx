import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

function StatusPage({ status, titleKey, hintKey }: { status: '403' | '404'; titleKey: string; hintKey: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t(titleKey)}</h1>}
      subTitle={t(hintKey)}
      extra={
        <Button type="primary" onClick={() => navigate('/workbench')}>
          {t('pages.backHome')}
        </Button>
      }
    />
  );
}

export const ForbiddenPage = () => <StatusPage status="403" titleKey="pages.forbidden" hintKey="pages.forbiddenHint" />;
export const NotFoundPage = () => <StatusPage status="404" titleKey="pages.notFound" hintKey="pages.notFoundHint" />;
