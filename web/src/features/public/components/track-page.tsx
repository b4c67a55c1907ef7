import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { describeError } from '../../../api/error-message.js';
import { publicApi, type PublicCase, type ResidentKey } from '../api/public-api.js';
import { CaseResult } from './case-result.js';
import { UrgePanel } from './urge-panel.js';
import { EvaluatePanel } from './evaluate-panel.js';

export type TrackMode = 'track' | 'urge' | 'evaluate';

/**
 * Track (and from there urge or rate) a case with its code and the last four digits of the phone.
 * The pair travels in a POST body, never in the URL, where it would reach logs.
 */
export function TrackPage({ mode }: { mode: TrackMode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const location = useLocation();
  const [key, setKey] = useState<ResidentKey | null>(null);
  const [found, setFound] = useState<PublicCase | null>(null);
  // A POST (the pair stays out of URLs and logs), so a mutation; urging and rating replace `found`.
  const lookup = useMutation({
    mutationFn: publicApi.track,
    onSuccess: (view, k) => {
      setFound(view);
      setKey(k);
    },
    onError: (e) => {
      setFound(null);
      message.error(describeError(e, t));
    },
  });
  const busy = lookup.isPending;
  const initialCode = (location.state as { code?: string } | null)?.code ?? '';

  const lookUp = (k: ResidentKey) => lookup.mutate(k);

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t(mode === 'track' ? 'portal.track.heading' : `portal.${mode}.heading`)}
        </Typography.Title>
      }
    >
      <Form
        layout="vertical"
        onFinish={(v: ResidentKey) => void lookUp({ code: v.code.trim(), phoneLast4: v.phoneLast4 })}
        initialValues={{ code: initialCode }}
      >
        <Form.Item
          name="code"
          label={t('portal.track.code')}
          extra={t('portal.track.codeHint')}
          rules={[{ required: true, min: 16 }]}
        >
          <Input
            autoCapitalize="characters"
            autoComplete="off"
            style={{ fontFamily: 'monospace' }}
            data-testid="public-track-code"
          />
        </Form.Item>
        <Form.Item name="phoneLast4" label={t('portal.track.last4')} rules={[{ required: true, pattern: /^\d{4}$/ }]}>
          <Input inputMode="numeric" maxLength={4} autoComplete="off" data-testid="public-track-last4" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block size="large" data-testid="public-track-go">
          {t('portal.track.go')}
        </Button>
      </Form>
      {found && key && (
        <div style={{ marginTop: 16 }}>
          <CaseResult view={found} />
          {mode !== 'evaluate' && <UrgePanel view={found} residentKey={key} onChange={setFound} />}
          {mode !== 'urge' && <EvaluatePanel view={found} residentKey={key} onChange={setFound} />}
        </div>
      )}
    </Card>
  );
}
