import { Button, Drawer, Grid, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.js';

interface FormDrawerProps {
  open: boolean;
  title: string;
  /** Pixel width on a tablet or wider; a phone gets the whole screen. */
  width?: number;
  saving: boolean;
  error: unknown;
  onClose: () => void;
  /** Submits the drawer's form (usually `form.submit()`, which validates first). */
  onSubmit: () => void;
  /** The primary button's words; "Save" unless the act is something else (e.g. issue a key). */
  submitLabel?: string;
  submitTestId: string;
  children: ReactNode;
}

/** The administration pages' create/edit drawer: Cancel and the primary act in the header, the last save's error above the form. */
export function FormDrawer({
  open,
  title,
  width = 480,
  saving,
  error,
  onClose,
  onSubmit,
  submitLabel,
  submitTestId,
  children,
}: FormDrawerProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      width={screens.sm ? width : '100%'}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={onSubmit} data-testid={submitTestId}>
            {submitLabel ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} />
      {children}
    </Drawer>
  );
}
