import { useMutation } from '@tanstack/react-query';
import { App, Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../api/error-message.js';
import { publicApi, type PublicCase, type ResidentKey } from '../api/public-api.js';

/** 催办: once a day while the case is being handled. */
export function UrgePanel({
  view,
  residentKey,
  onChange,
}: {
  view: PublicCase;
  residentKey: ResidentKey;
  onChange: (v: PublicCase) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const urging = useMutation({
    mutationFn: (text: string | undefined) => publicApi.urge(residentKey, text),
    onSuccess: (next) => {
      onChange(next);
      message.success(t('portal.urge.done'));
    },
    onError: (e) => message.error(describeError(e, t)),
  });
  const busy = urging.isPending;
  if (view.urges.today)
    return <Alert type="info" showIcon message={t('portal.urge.today')} data-testid="public-urged-today" />;
  if (!view.canUrge) return null;
  const urge = () => urging.mutate(note.trim() || undefined);
  return (
    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
      <Input
        placeholder={t('portal.urge.note')}
        aria-label={t('portal.urge.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={200}
      />
      <Button type="primary" loading={busy} onClick={() => void urge()} data-testid="public-urge">
        {t('portal.urge.button')}
      </Button>
    </Space.Compact>
  );
}
