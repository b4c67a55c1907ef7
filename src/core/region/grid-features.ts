import { GridGeometry } from '../../contract/regions.js';
import { levelOfCode } from './levels.js';
import { MAX_NAME_LENGTH } from './region-node.js';

/**
 * Reading grid boundaries from a GeoJSON FeatureCollection. Each feature names its village
 * (`properties.villageCode`, 12 digits), its grid (`properties.gridName`) and, optionally, its
 * own code (`properties.gridCode`, the village code and three digits); its geometry is a
 * Polygon or MultiPolygon in WGS 84 longitude/latitude.
 */
export type GridFeature = {
  index: number;
  villageCode: string;
  gridName: string;
  gridCode?: string;
  geometry: GridGeometry;
};
export type FeatureError = { index: number; message: string };

/** Every feature checked: the good ones, and one clear message per bad one (the file is taken whole or not at all). */
export function readGridFeatures(input: unknown): { features: GridFeature[]; errors: FeatureError[] } {
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return {
      features: [],
      errors: [
        {
          index: -1,
          message: 'the file is not a GeoJSON FeatureCollection (expected {"type":"FeatureCollection","features":[…]})',
        },
      ],
    };
  }
  const features: GridFeature[] = [];
  const errors: FeatureError[] = [];
  const seen = new Map<string, number>();
  nextFeature: for (const [index, f] of (input.features as unknown[]).entries()) {
    const r = readFeature(f);
    const label = r.name ? `feature ${index} ("${r.name}")` : `feature ${index}`;
    if ('error' in r) {
      errors.push({ index, message: `${label}: ${r.error}` });
      continue;
    }
    for (const key of [`${r.feature.villageCode}/${r.feature.gridName}`, r.feature.gridCode].filter(
      (k): k is string => !!k,
    )) {
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ index, message: `${label}: repeats feature ${first} (${key})` });
        continue nextFeature;
      }
      seen.set(key, index);
    }
    features.push({ index, ...r.feature });
  }
  return { features, errors };
}

type Read = { name?: string } & ({ feature: Omit<GridFeature, 'index'> } | { error: string });

function readFeature(f: unknown): Read {
  if (!isObject(f) || f.type !== 'Feature') return { error: 'is not a GeoJSON Feature' };
  const p = isObject(f.properties) ? f.properties : undefined;
  const name = typeof p?.gridName === 'string' ? p.gridName.trim() : undefined;
  if (!p) return { error: 'has no properties (needs villageCode and gridName)' };
  const villageCode = codeText(p.villageCode);
  if (!villageCode || levelOfCode(villageCode) !== 5)
    return { name, error: `properties.villageCode must be a 12-digit village code, got ${show(p.villageCode)}` };
  if (!name || name.length > MAX_NAME_LENGTH)
    return {
      name,
      error: `properties.gridName must be a text of 1–${MAX_NAME_LENGTH} characters, got ${show(p.gridName)}`,
    };
  const gridCode = p.gridCode === undefined || p.gridCode === null ? undefined : codeText(p.gridCode);
  if (
    gridCode === '' ||
    (gridCode !== undefined && (levelOfCode(gridCode) !== 6 || !gridCode.startsWith(villageCode)))
  ) {
    return {
      name,
      error: `properties.gridCode must be the village code and three digits (${villageCode}001…), got ${show(p.gridCode)}`,
    };
  }
  const geometry = readGeometry(f.geometry);
  if ('error' in geometry) return { name, error: geometry.error };
  return {
    name,
    feature: { villageCode, gridName: name, ...(gridCode ? { gridCode } : {}), geometry: geometry.value },
  };
}

/** Shape and ranges from the shared contract schema, plus closed rings (GeoJSON RFC 7946 §3.1.6). */
function readGeometry(g: unknown): { value: GridGeometry } | { error: string } {
  if (!isObject(g)) return { error: 'has no geometry' };
  const parsed = GridGeometry.safeParse(g);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = ['geometry', ...issue.path].join('.');
    return {
      error:
        g.type === 'Polygon' || g.type === 'MultiPolygon'
          ? `${where}: ${issue.message}`
          : `geometry must be a Polygon or MultiPolygon, got ${show(g.type)}`,
    };
  }
  const polygons = parsed.data.type === 'Polygon' ? [parsed.data.coordinates] : parsed.data.coordinates;
  for (const [p, rings] of polygons.entries()) {
    for (const [r, ring] of rings.entries()) {
      const a = ring[0]!;
      const b = ring[ring.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1])
        return { error: `geometry: ring ${r} of polygon ${p} is not closed (its first and last positions differ)` };
    }
  }
  return { value: parsed.data };
}

/** Codes arrive as text or, from some GIS exports, as numbers; 12 and 15 digits fit a double exactly. */
function codeText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return String(v);
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v).slice(0, 60));
