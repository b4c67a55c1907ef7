import { useQuery } from '@tanstack/react-query';
import { CloseCircleFilled } from '@ant-design/icons';
import { Button, Drawer, Grid, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context.js';
import type { Region } from '../../api/contract-types.js';
import { regionQuery } from '../../api/regions-api.js';
import { RegionPickerPanel } from './region-picker-panel.js';

export interface RegionPickerProps {
  /** Set by Form.Item, so its <label> points at the text box. */
  id?: string;
  value?: string | null;
  onChange?: (code: string | null, region: Region | null) => void;
  /** Levels that may be chosen (e.g. [6] for a grid worker's grid); all when omitted. */
  levels?: readonly number[];
  /** Top of the tree; the user's jurisdiction by default. */
  rootCode?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-required'?: boolean | 'true' | 'false';
  'data-testid'?: string;
}

/**
 * Chooses one region: search by name or code, or open the tree level by level down to the
 * micro-grid. Opens as a bottom sheet on phones (360 px) and a side drawer on larger screens.
 */
export function RegionPicker(props: RegionPickerProps) {
  const { id, value, onChange, levels, placeholder, allowClear = true, disabled } = props;
  const { t } = useTranslation();
  const { me } = useAuth();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Region | null>(null);
  const rootCode = props.rootCode ?? me?.jurisdiction.code ?? '';

  // A value that arrives from outside (the URL, a record being edited): fetch its name.
  const outside = useQuery({ ...regionQuery(value ?? ''), enabled: Boolean(value) && chosen?.code !== value });
  const named = chosen?.code === value ? chosen : outside.data?.code === value ? outside.data : null;

  const pick = (region: Region) => {
    setChosen(region);
    setOpen(false);
    onChange?.(region.code, region);
  };

  const shown = value ? (named ? `${named.name}（${t(`levels.${named.level}`)}）` : value) : '';
  const phone = !screens.sm;

  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={id}
          readOnly
          value={shown}
          placeholder={placeholder ?? t('picker.placeholder')}
          aria-label={props['aria-label']}
          aria-required={props['aria-required']}
          data-testid={props['data-testid']}
          disabled={disabled}
          onClick={() => !disabled && setOpen(true)}
          suffix={
            allowClear && value && !disabled ? (
              <Button
                type="text"
                size="small"
                aria-label={t('common.clear')}
                icon={<CloseCircleFilled aria-hidden style={{ color: 'rgba(0,0,0,0.45)' }} />}
                onClick={(event) => {
                  event.stopPropagation();
                  setChosen(null);
                  onChange?.(null, null);
                }}
              />
            ) : undefined
          }
        />
        <Button onClick={() => setOpen(true)} disabled={disabled} aria-haspopup="dialog">
          {t('common.select')}
        </Button>
      </Space.Compact>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('picker.title')}
        placement={phone ? 'bottom' : 'right'}
        push={false}
        height={phone ? '90%' : undefined}
        width={phone ? undefined : 520}
        styles={{ body: { padding: phone ? 12 : 24 } }}
      >
        {rootCode && (
          <RegionPickerPanel rootCode={rootCode} selectedCode={value ?? null} levels={levels} onPick={pick} />
        )}
      </Drawer>
    </>
  );
}
