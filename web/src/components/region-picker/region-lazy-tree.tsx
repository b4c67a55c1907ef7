import { Tree } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree/index.js';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../api/contract-types.js';
import { RegionNodeTitle } from './region-node-title.js';
import type { RegionTreeState } from './use-region-tree.js';

const MORE_PREFIX = 'more:';

interface RegionLazyTreeProps {
  tree: RegionTreeState;
  selectedCode?: string | null | undefined;
  onSelect: (region: Region) => void;
  /** Nodes that may be chosen; the others only open and close. */
  isSelectable?: ((region: Region) => boolean) | undefined;
  /** Do not open nodes below this level (e.g. a picker for villages). */
  maxLevel?: number | undefined;
  /** Pixel height: turns on virtual scrolling for long child lists. */
  height?: number | undefined;
  label: string;
}

/** The region tree, children fetched when a node opens; a "load more" row pages long lists. */
export function RegionLazyTree({
  tree,
  selectedCode,
  onSelect,
  isSelectable,
  maxLevel = 7,
  height,
  label,
}: RegionLazyTreeProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<Key[]>([]);

  const isLeaf = (region: Region) => region.level >= maxLevel || region.hasChildren === false;

  const toNodes = (codes: readonly string[]): DataNode[] =>
    codes.flatMap((code): DataNode[] => {
      const region = tree.regions[code];
      if (!region) return [];
      const page = tree.children[code];
      const nodes: DataNode[] | undefined = page ? toNodes(page.codes) : undefined;
      if (page && nodes && page.codes.length < page.total) {
        nodes.push({
          key: `${MORE_PREFIX}${code}`,
          isLeaf: true,
          title: t('common.loadMore', { count: page.total - page.codes.length }),
        });
      }
      return [{ key: code, isLeaf: isLeaf(region), title: <RegionNodeTitle region={region} />, children: nodes }];
    });

  const toggle = (key: Key) =>
    setExpanded((current) => (current.includes(key) ? current.filter((k) => k !== key) : [...current, key]));

  const handleSelect = (_keys: Key[], info: { node: EventDataNode<DataNode> }) => {
    const key = String(info.node.key);
    if (key.startsWith(MORE_PREFIX)) {
      void tree.loadChildren(key.slice(MORE_PREFIX.length), true);
      return;
    }
    const region = tree.regions[key];
    if (!region) return;
    if (!isSelectable || isSelectable(region)) onSelect(region);
    else if (!isLeaf(region)) toggle(key);
  };

  return (
    <Tree
      aria-label={label}
      data-testid="region-tree"
      treeData={toNodes(tree.rootCodes)}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      selectedKeys={selectedCode ? [selectedCode] : []}
      onSelect={handleSelect}
      loadData={(node) => tree.loadChildren(String(node.key))}
      height={height}
      blockNode
      showLine={{ showLeafIcon: false }}
    />
  );
}
