import { Descriptions, Drawer, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/contract-types.js';
import { RegionLevelTag } from '../../../components/region-level-tag.js';
import { useRegionNames } from '../../../components/region-picker/use-region-names.js';
import { RegionActions } from './region-actions.js';

interface RegionDetailDrawerProps {
  region: Region | null;
  canEdit: boolean;
  onClose: () => void;
  onCreated: (child: Region) => void;
  onUpdated: (region: Region) => void;
  onDeleted: (region: Region) => void;
}

/** A region's details, and for administrators the changes they may make to it. */
export function RegionDetailDrawer({ region, canEdit, onClose, ...changes }: RegionDetailDrawerProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  // The materialised path ("32/3201/320114/…/") names every ancestor by code.
  const ancestors = region ? region.path.split('/').filter((code) => code && code !== region.code) : [];
  const names = useRegionNames(ancestors);
  const trail = ancestors.map((code) => names[code] ?? code);
  return (
    <Drawer
      open={region !== null}
      onClose={onClose}
      title={t('regions.detail')}
      width={screens.sm ? 480 : '100%'}
      data-testid="region-detail"
    >
      {region && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {region.name}
          </Typography.Title>
          <Descriptions
            column={1}
            size="small"
            bordered
            style={{ marginBottom: 16 }}
            styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
          >
            <Descriptions.Item label={t('common.code')}>
              <span style={{ fontFamily: 'monospace' }}>{region.code}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('regions.level')}>
              <RegionLevelTag level={region.level} />
            </Descriptions.Item>
            <Descriptions.Item label={t('regions.parent')}>
              {region.parentCode ? `${names[region.parentCode] ?? ''} ${region.parentCode}`.trim() : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('regions.path')}>{[...trail, region.name].join(' / ')}</Descriptions.Item>
          </Descriptions>
          {canEdit && (
            <>
              <RegionActions region={region} {...changes} />
              {region.level < 5 && (
                <Typography.Paragraph style={{ marginTop: 12, color: 'rgba(0,0,0,0.7)' }}>
                  {t('regions.childrenNote')}
                </Typography.Paragraph>
              )}
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
