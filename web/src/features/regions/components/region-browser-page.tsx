import { useQuery } from '@tanstack/react-query';
import { Card, Col, Grid, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Region } from '../../../api/contract-types.js';
import { regionQuery } from '../../../api/regions-api.js';
import { useCan, useMe } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { RegionLazyTree } from '../../../components/region-picker/region-lazy-tree.js';
import { RegionSearch } from '../../../components/region-picker/region-search.js';
import { useRegionTree } from '../../../components/region-picker/use-region-tree.js';
import { RegionDetailDrawer } from './region-detail-drawer.js';

/** 区划与网格: browse the jurisdiction's tree lazily, search it, open a node's details. */
export function RegionBrowserPage() {
  const { t } = useTranslation();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const rootCodes = useMemo(() => [me.jurisdiction.code], [me.jurisdiction.code]);
  const tree = useRegionTree(rootCodes);
  const [params, setParams] = useSearchParams();
  const selectedCode = params.get('code');
  const canEdit = useCan('region.write');

  // The selected region comes from the tree when loaded there, otherwise from the server (a shared link).
  const known = selectedCode ? tree.regions[selectedCode] : undefined;
  const fetched = useQuery({ ...regionQuery(selectedCode ?? ''), enabled: Boolean(selectedCode && !known) });
  const selected = known ?? (fetched.data?.code === selectedCode ? fetched.data : undefined) ?? null;

  const select = (region: Region | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (region) next.set('code', region.code);
      else next.delete('code');
      return next;
    });

  const afterChildChange = (parentCode: string) => {
    void tree.reloadChildren(parentCode);
    const parent = tree.regions[parentCode];
    if (parent) tree.upsert({ ...parent, hasChildren: true });
  };

  return (
    <>
      <PageHeader title={t('regions.title')} subtitle={t('regions.subtitle')} />
      <ErrorAlert error={tree.error ?? fetched.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('common.search')}</h2>}>
            <RegionSearch onPick={select} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('regions.tree')}</h2>}>
            <RegionLazyTree
              tree={tree}
              selectedCode={selectedCode}
              onSelect={select}
              label={t('regions.tree')}
              height={screens.lg ? 600 : undefined}
            />
          </Card>
        </Col>
      </Row>
      <RegionDetailDrawer
        region={selected}
        canEdit={canEdit}
        onClose={() => select(null)}
        onCreated={(child) => child.parentCode && afterChildChange(child.parentCode)}
        onUpdated={(region) => tree.upsert(region)}
        onDeleted={(region) => {
          tree.remove(region);
          if (region.parentCode) void tree.reloadChildren(region.parentCode);
          select(null);
        }}
      />
    </>
  );
}
