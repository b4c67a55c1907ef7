import { Divider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../api/contract-types.js';
import { ErrorAlert } from '../error-alert.js';
import { RegionLazyTree } from './region-lazy-tree.js';
import { RegionSearch } from './region-search.js';
import { useRegionTree } from './use-region-tree.js';

interface RegionPickerPanelProps {
  rootCode: string;
  selectedCode: string | null;
  levels: readonly number[] | undefined;
  onPick: (region: Region) => void;
}

/** Inside the picker's drawer: search by name or code above, the lazy tree below. */
export function RegionPickerPanel({ rootCode, selectedCode, levels, onPick }: RegionPickerPanelProps) {
  const { t } = useTranslation();
  const tree = useRegionTree([rootCode]);
  const isSelectable = levels ? (region: Region) => levels.includes(region.level) : undefined;
  const maxLevel = levels ? Math.max(...levels) : 7;
  const levelNames = levels?.map((level) => t(`levels.${level}`)).join(' / ');

  return (
    <div>
      {levelNames && (
        <Typography.Paragraph style={{ marginTop: 0 }} data-testid="region-picker-hint">
          {t('picker.mustPick', { levels: levelNames })}
        </Typography.Paragraph>
      )}
      <RegionSearch onPick={onPick} isSelectable={isSelectable} level={levels?.length === 1 ? levels[0] : undefined} />
      <Divider style={{ margin: '12px 0' }} />
      <ErrorAlert error={tree.error} />
      <RegionLazyTree
        tree={tree}
        selectedCode={selectedCode}
        onSelect={onPick}
        isSelectable={isSelectable}
        maxLevel={maxLevel}
        label={t('regions.tree')}
      />
    </div>
  );
}
