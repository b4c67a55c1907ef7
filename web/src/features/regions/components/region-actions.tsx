import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/contract-types.js';
import { describeError } from '../../../api/error-message.js';
import { regionKeys } from '../../../api/regions-api.js';
import { useSave } from '../../../hooks/use-save.js';
import { createRegion, deleteRegion, updateRegion } from '../api/regions-api.js';
import { RegionNameModal } from './region-name-modal.js';

/** Grids go under villages (5 → 6), micro-grids under grids (6 → 7); nothing else is added by hand. */
export const childLevelFor = (level: number): number | null => (level === 5 || level === 6 ? level + 1 : null);

interface RegionActionsProps {
  region: Region;
  onCreated: (child: Region) => void;
  onUpdated: (region: Region) => void;
  onDeleted: (region: Region) => void;
}

/** Administrator's buttons in the region drawer: add a grid or micro-grid, rename, delete. */
export function RegionActions({ region, onCreated, onUpdated, onDeleted }: RegionActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'add' | 'rename' | null>(null);
  const childLevel = childLevelFor(region.level);
  const deletable = region.level >= 6 && region.hasChildren !== true;

  const { run } = useSave([regionKeys.all]);
  const remove = () =>
    run(
      async () => {
        await deleteRegion(region.code);
        message.success(t('common.deleted'));
        onDeleted(region);
      },
      (failure) => message.error(describeError(failure, t)),
    );

  return (
    <>
      <Space wrap>
        {childLevel && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode('add')} data-testid="region-add-child">
            {t('regions.addChild', { level: t(`levels.${childLevel}`) })}
          </Button>
        )}
        <Button icon={<EditOutlined />} onClick={() => setMode('rename')} data-testid="region-rename">
          {t('regions.rename')}
        </Button>
        {deletable && (
          <Popconfirm
            title={t('common.confirmDelete', { name: region.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove()}
          >
            <Button danger icon={<DeleteOutlined />} data-testid="region-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <RegionNameModal
        open={mode === 'add'}
        withCode
        title={childLevel ? t('regions.addChildTitle', { parent: region.name, level: t(`levels.${childLevel}`) }) : ''}
        onClose={() => setMode(null)}
        onSubmit={async ({ name, code }) => {
          const created = await createRegion({ parentCode: region.code, name, ...(code ? { code } : {}) });
          message.success(t('regions.created', { name: created.name }));
          onCreated(created);
        }}
      />
      <RegionNameModal
        open={mode === 'rename'}
        title={t('regions.renameTitle', { name: region.name })}
        initialName={region.name}
        onClose={() => setMode(null)}
        onSubmit={async ({ name }) => {
          onUpdated(await updateRegion(region.code, { name }));
          message.success(t('common.saved'));
        }}
      />
    </>
  );
}
