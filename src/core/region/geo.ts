/**
 * Points against region boundaries (GeoJSON Polygon / MultiPolygon, WGS 84 longitude, latitude):
 * enough to tell whether a reported point lies in a jurisdiction. Pure; no projection (at the size
 * of a county the error of treating degrees as planar is far below a grid's width).
 */
export type Point = { lat: number; lng: number };
export type Box = { west: number; south: number; east: number; north: number };

/**
 * The extent of China's territory, mainland and islands (73.4°–135.1° E, 3.8°–53.6° N): the last
 * resort when no boundary of a jurisdiction is stored. It refuses only points far outside.
 */
export const CHINA_EXTENT: Box = { west: 73.4, south: 3.8, east: 135.1, north: 53.6 };

type Ring = number[][];

/** The polygons of a geometry as lists of rings (outer first, then holes); none for other types. */
function polygonsOf(geometry: unknown): Ring[][] {
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g?.type === 'Polygon' && Array.isArray(g.coordinates)) return [g.coordinates as Ring[]];
  if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates)) return g.coordinates as Ring[][];
  return [];
}

/** Even-odd ray casting: is the point inside the closed ring? */
function inRing(p: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point lies in the geometry: inside some polygon's outer ring and none of its holes. */
export function inGeometry(p: Point, geometry: unknown): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) => !!outer && inRing(p, outer) && !holes.some((h) => inRing(p, h)),
  );
}

/** The smallest box holding every vertex of the geometries; null when they hold none. */
export function boxOf(geometries: unknown[]): Box | null {
  let box: Box | null = null;
  for (const polygon of geometries.flatMap(polygonsOf))
    for (const ring of polygon)
      for (const [lng, lat] of ring as [number, number][]) {
        if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
        box = box
          ? {
              west: Math.min(box.west, lng),
              south: Math.min(box.south, lat),
              east: Math.max(box.east, lng),
              north: Math.max(box.north, lat),
            }
          : { west: lng, south: lat, east: lng, north: lat };
      }
  return box;
}

/** Whether the point lies in the box (edges included). */
export const inBox = (p: Point, b: Box): boolean =>
  p.lng >= b.west && p.lng <= b.east && p.lat >= b.south && p.lat <= b.north;
