import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssuedPartnerKey } from '../../../api/contract-types.js';

/**
 * The one and only showing of a new key: the server keeps just its SHA-256, so once this closes
 * nobody can read it again. A click outside does not close it, so it is not lost by accident.
 */
export function IssuedKeyModal({ issued, onClose }: { issued: IssuedPartnerKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={issued !== null}
      title={issued ? t('partnerKeys.issuedTitle', { name: issued.name }) : undefined}
      maskClosable={false}
      destroyOnHidden
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="issued-key-close">
          {t('partnerKeys.saved')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('partnerKeys.issuedWarning')} style={{ marginBottom: 16 }} />
      <Typography.Text strong>{t('partnerKeys.keyLabel')}</Typography.Text>
      {/* antd's copy falls back to execCommand where navigator.clipboard is missing (plain-http intranets). */}
      <Typography.Paragraph
        code
        style={{ wordBreak: 'break-all', marginTop: 8 }}
        copyable={
          issued
            ? {
                text: issued.key,
                // A labelled button, not a bare icon: copying is the one thing to do here.
                icon: [
                  <span key="copy">
                    <CopyOutlined /> {t('partnerKeys.copy')}
                  </span>,
                  <span key="copied">
                    <CheckOutlined /> {t('partnerKeys.copied')}
                  </span>,
                ],
                tooltips: [t('partnerKeys.copy'), t('partnerKeys.copied')],
              }
            : false
        }
      >
        <span data-testid="issued-key">{issued?.key}</span>
      </Typography.Paragraph>
    </Modal>
  );
}
