import { DomainError } from '../errors.js';
import { assertRegionCode, parentCodeOf, pathOf } from './codes.js';
import type { RegionLevel } from './levels.js';

/** A node of the region tree as imports write it; everything but name and geometry follows from the code. */
export type RegionNode = {
  code: string;
  parentCode: string | null;
  level: RegionLevel;
  name: string;
  path: string;
  /** A GeoJSON geometry; undefined leaves whatever boundary the node already has. */
  geometry?: unknown;
};

/** A region as read back: the node plus whether it has a boundary (the geometry itself on request). */
export type Region = Omit<RegionNode, 'geometry'> & { hasGeometry: boolean; geometry?: unknown };

export const MAX_NAME_LENGTH = 100;

/** Builds a node from its code and name, deriving level, parent and path; throws ValidationFailed on a bad code or name. */
export function regionNode(code: string, name: string, geometry?: unknown): RegionNode {
  const level = assertRegionCode(code);
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_NAME_LENGTH)
    throw new DomainError('ValidationFailed', `region ${code}: a name is 1–${MAX_NAME_LENGTH} characters`, {
      field: 'name',
    });
  const node: RegionNode = { code, parentCode: parentCodeOf(code), level, name: trimmed, path: pathOf(code) };
  if (geometry !== undefined) node.geometry = geometry;
  return node;
}
