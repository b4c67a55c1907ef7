import { Button, Grid, Input, List, Select, Space, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../api/contract-types.js';
import { regionKeys, searchRegions } from '../../api/regions-api.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { ErrorAlert } from '../error-alert.js';
import { RegionNodeTitle } from './region-node-title.js';
import { useRegionNames } from './use-region-names.js';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;

interface RegionSearchProps {
  onPick: (region: Region) => void;
  isSelectable?: ((region: Region) => boolean) | undefined;
  /** Only this level (when a picker accepts exactly one level); otherwise the user may choose one. */
  level?: number | undefined;
}

const LEVELS = [1, 2, 3, 4, 5, 6, 7];

/** Find a region by name or code prefix (server search within the caller's jurisdiction). */
export function RegionSearch({ onPick, isSelectable, level: fixedLevel }: RegionSearchProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState('');
  // Without a level the server searches names down to villages only; grids need a level.
  const [chosenLevel, setChosenLevel] = useState<number | undefined>(undefined);
  const level = fixedLevel ?? chosenLevel;
  const phone = !Grid.useBreakpoint().sm;
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  // Pages of one search ("load more" appends the next); a new text or level starts a new search.
  const search = useInfiniteQuery({
    queryKey: [...regionKeys.all, 'search', { q: query, level }],
    queryFn: ({ pageParam, signal }) =>
      searchRegions({ q: query, level, page: pageParam, pageSize: PAGE_SIZE }, signal),
    initialPageParam: 1,
    getNextPageParam: (last, all) => (all.length * PAGE_SIZE < last.total ? all.length + 1 : undefined),
    enabled: query !== '',
  });
  const result =
    text.trim() && query && search.data
      ? { items: search.data.pages.flatMap((page) => page.items), total: search.data.pages[0]?.total ?? 0 }
      : null;
  const loading = search.isFetching;
  const error = query ? search.error : null;

  const remaining = result ? result.total - result.items.length : 0;
  const parentNames = useRegionNames(
    (result?.items ?? []).flatMap((region) => (region.parentCode ? [region.parentCode] : [])),
  );

  return (
    <div>
      <label htmlFor={inputId} style={{ display: 'block', marginBottom: 4 }}>
        {t('regions.searchLabel')}
      </label>
      <Space.Compact block direction={phone ? 'vertical' : 'horizontal'}>
        {fixedLevel === undefined && (
          <Select<number>
            aria-label={t('regions.level')}
            data-testid="region-search-level"
            allowClear
            placeholder={t('regions.level')}
            value={chosenLevel}
            onChange={(value) => setChosenLevel(value ?? undefined)}
            options={LEVELS.map((n) => ({ value: n, label: t(`levels.${n}`) }))}
            style={phone ? { width: '100%' } : { width: 132, flex: 'none' }}
            popupMatchSelectWidth={false}
          />
        )}
        <Input.Search
          id={inputId}
          data-testid="region-search-input"
          placeholder={t('regions.searchPlaceholder')}
          allowClear
          value={text}
          loading={loading}
          enterButton={t('common.search')}
          onChange={(event) => setText(event.target.value)}
        />
      </Space.Compact>
      <ErrorAlert error={error} />
      {result && (
        <List
          aria-label={t('regions.searchResults')}
          data-testid="region-search-results"
          size="small"
          style={{ marginTop: 8 }}
          dataSource={result.items}
          locale={{ emptyText: t('regions.noResults') }}
          renderItem={(region) => {
            const selectable = !isSelectable || isSelectable(region);
            return (
              <List.Item style={{ padding: '2px 0' }}>
                <Button
                  type="text"
                  block
                  disabled={!selectable}
                  title={selectable ? undefined : t('picker.notSelectable')}
                  style={{
                    justifyContent: 'flex-start',
                    textAlign: 'left',
                    height: 'auto',
                    padding: '6px 8px',
                    whiteSpace: 'normal',
                  }}
                  onClick={() => onPick(region)}
                >
                  <RegionNodeTitle
                    region={region}
                    parentName={region.parentCode ? parentNames[region.parentCode] : undefined}
                  />
                </Button>
              </List.Item>
            );
          }}
        />
      )}
      {remaining > 0 && (
        <Button type="link" onClick={() => void search.fetchNextPage()} loading={loading}>
          {t('common.loadMore', { count: remaining })}
        </Button>
      )}
      {result && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('common.total', { count: result.total })}
        </Typography.Text>
      )}
    </div>
  );
}
