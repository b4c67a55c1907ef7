import type { Region } from '../../api/contract-types.js';
import { RegionLevelTag } from '../region-level-tag.js';

/** One row of the region tree or of the search results: name, level and code. */
export function RegionNodeTitle({ region, parentName }: { region: Region; parentName?: string | undefined }) {
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
      {parentName && <span style={{ color: 'rgba(0,0,0,0.68)' }}>{parentName} ›</span>}
      <span>{region.name}</span>
      <RegionLevelTag level={region.level} />
      <span style={{ color: 'rgba(0,0,0,0.62)', fontSize: 12, fontFamily: 'monospace' }}>{region.code}</span>
    </span>
  );
}
