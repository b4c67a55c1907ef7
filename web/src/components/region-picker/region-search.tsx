import { Button, Input, List, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region, RegionPage } from '../../api/contract-types.js';
import { isAbort } from '../../api/http-client.js';
import { searchRegions } from '../../api/regions-api.js';
import { ErrorAlert } from '../error-alert.js';
import { RegionNodeTitle } from './region-node-title.js';
import { useRegionNames } from './use-region-names.js';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;

interface RegionSearchProps {
  onPick: (region: Region) => void;
  isSelectable?: ((region: Region) => boolean) | undefined;
  /** Only this level (when a picker accepts exactly one level). */
  level?: number | undefined;
}

/** Find a region by name or code prefix (server search within the caller's jurisdiction). */
export function RegionSearch({ onPick, isSelectable, level }: RegionSearchProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState('');
  const [result, setResult] = useState<RegionPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [page, setPage] = useState(1);
  const query = text.trim();

  useEffect(() => {
    if (!query) {
      setResult(null);
      setError(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      searchRegions({ q: query, level, page, pageSize: PAGE_SIZE }, controller.signal).then(
        (found) => {
          setResult((previous) => (page > 1 && previous ? { ...found, items: [...previous.items, ...found.items] } : found));
          setError(null);
          setLoading(false);
        },
        (failure: unknown) => {
          if (isAbort(failure)) return;
          setError(failure);
          setLoading(false);
        },
      );
    }, page > 1 ? 0 : DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, level, page]);

  const remaining = result ? result.total - result.items.length : 0;
  const parentNames = useRegionNames((result?.items ?? []).flatMap((region) => (region.parentCode ? [region.parentCode] : [])));

  return (
    <div>
      <label htmlFor={inputId} style={{ display: 'block', marginBottom: 4 }}>
        {t('regions.searchLabel')}
      </label>
      <Input.Search
        id={inputId}
        data-testid="region-search-input"
        placeholder={t('regions.searchPlaceholder')}
        allowClear
        value={text}
        loading={loading}
        enterButton={t('common.search')}
        onChange={(event) => {
          setText(event.target.value);
          setPage(1);
        }}
      />
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
                  style={{ justifyContent: 'flex-start', textAlign: 'left', height: 'auto', padding: '6px 8px', whiteSpace: 'normal' }}
                  onClick={() => onPick(region)}
                >
                  <RegionNodeTitle region={region} parentName={region.parentCode ? parentNames[region.parentCode] : undefined} />
                </Button>
              </List.Item>
            );
          }}
        />
      )}
      {remaining > 0 && (
        <Button type="link" onClick={() => setPage((n) => n + 1)} loading={loading}>
          {t('common.loadMore', { count: remaining })}
        </Button>
      )}
      {result && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('common.total', { count: result.total })}</Typography.Text>}
    </div>
  );
}
