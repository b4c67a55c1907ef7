import { DomainError } from '../errors.js';
import { levelInfo, levelOfCode, type RegionLevel } from './levels.js';

/**
 * Codes are hierarchical: a node's code starts with its parent's code. So the parent, every
 * ancestor and the materialised path are all functions of the code alone, and an import can
 * build any node without looking anything up.
 */

/** True when the code has the length of one of the seven levels and is all digits. */
export function isRegionCode(code: string): boolean {
  return levelOfCode(code) !== undefined;
}

/** The code's level, or a ValidationFailed naming what is wrong with the code. */
export function assertRegionCode(code: string): RegionLevel {
  const level = levelOfCode(code);
  if (!level)
    throw new DomainError('ValidationFailed', `'${code}' is not a region code (2, 4, 6, 9, 12, 15 or 18 digits)`, {
      field: 'code',
    });
  return level;
}

/** The parent's code (null for a province). */
export function parentCodeOf(code: string): string | null {
  const level = assertRegionCode(code);
  return level === 1 ? null : code.slice(0, levelInfo((level - 1) as RegionLevel).codeLength);
}

/** Every ancestor's code and the code itself, from the province down. */
export function lineageOf(code: string): string[] {
  const level = assertRegionCode(code);
  const out: string[] = [];
  for (let l = 1; l <= level; l++) out.push(code.slice(0, levelInfo(l as RegionLevel).codeLength));
  return out;
}

/**
 * The materialised path 'code/code/…/': one segment per level and a trailing slash, so
 * "this node and everything below" is every path that starts with it (one index range, see
 * subtreeRange), and '32/3201/' never takes in '32/32010…'.
 */
export function pathOf(code: string): string {
  return lineageOf(code)
    .map((c) => `${c}/`)
    .join('');
}

/** The codes a materialised path names, from the province down. */
export function codesOfPath(path: string): string[] {
  if (!/^(\d+\/)+$/.test(path)) throw new Error(`'${path}' is not a region path`);
  return path.slice(0, -1).split('/');
}

/** The code of the n-th child (1..999) of a village or grid: the parent's code and three digits. */
export function childCode(parentCode: string, n: number): string {
  const level = assertRegionCode(parentCode);
  if (level < 5 || level > 6)
    throw new DomainError('ValidationFailed', `grids are coded below villages and grids, not below level ${level}`);
  if (!Number.isInteger(n) || n < 1 || n > 999)
    throw new DomainError('ValidationFailed', `child number ${n} is outside 1..999`);
  return `${parentCode}${String(n).padStart(3, '0')}`;
}

/**
 * The number after the highest child in use. Gaps are not refilled: a removed grid's code is not
 * handed to a different grid, so old cases and exports keep pointing at what they meant. After
 * child 999 there is no next number: a Conflict, since only a code chosen by hand can still be free.
 */
export function nextChildNumber(parentCode: string, existing: Iterable<string>): number {
  let max = 0;
  for (const c of existing) if (c.startsWith(parentCode)) max = Math.max(max, Number(c.slice(parentCode.length)));
  if (max >= 999)
    throw new DomainError(
      'Conflict',
      `region ${parentCode} already has child ${parentCode}999, the last three-digit code; give a free code explicitly`,
      { parentCode, field: 'code' },
    );
  return max + 1;
}

/**
 * The half-open range [from, to) that holds exactly the paths of a subtree, compared byte-wise
 * (the path column is COLLATE "C"): `to` is the path with its last character moved up by one
 * ('32/3201/' → '32/32010'). We query subtrees with this range rather than `LIKE 'path%'`
 * because the regions table has row-level security and LIKE is not leakproof: PostgreSQL will
 * not use it as an index condition under RLS and scans the table, while >= and < are leakproof.
 */
export function subtreeRange(path: string): { from: string; to: string } {
  if (!path) throw new Error('a subtree range needs a path');
  return { from: path, to: path.slice(0, -1) + String.fromCharCode(path.charCodeAt(path.length - 1) + 1) };
}
