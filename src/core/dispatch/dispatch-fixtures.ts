// A small world for dispatch tests: one path from the province down to a grid, units along it,
// and a rule builder whose defaults match anything.
import type { RegionLevel } from '../region/levels.js';
import type { DispatchFacts, DispatchInput, DispatchRule, Label, PathRegion, PathUnit } from './types.js';

/** 测试省 › 测试市 › 甲县 › 甲一镇 › 甲一村 › 第1网格 */
export const testPath: PathRegion[] = [
  { code: '32', level: 1, name: '测试省' },
  { code: '3201', level: 2, name: '测试市' },
  { code: '320101', level: 3, name: '甲县' },
  { code: '320101001', level: 4, name: '甲一镇' },
  { code: '320101001001', level: 5, name: '甲一村' },
  { code: '320101001001001', level: 6, name: '第1网格' },
];

export const testTypeNames: Record<string, Label> = {
  service_centre: { zh: '社会治理服务中心', en: 'Social governance service centre' },
  mediation_committee: { zh: '人民调解委员会', en: "People's mediation committee" },
  justice_office: { zh: '司法所', en: 'Judicial office' },
  human_resources: { zh: '人力资源和社会保障局', en: 'Human resources and social security bureau' },
  petition_bureau: { zh: '信访局', en: 'Letters and visits bureau' },
};

const typeSuffix = (type: string) => testTypeNames[type]?.zh ?? type;

/** A unit of a type at the path's region of a level, named like the real ones: 甲一村人民调解委员会. */
export function unitAt(level: RegionLevel, typeCode: string, id?: number): PathUnit {
  const r = testPath[level - 1]!;
  const path = testPath
    .slice(0, level)
    .map((x) => `${x.code}/`)
    .join('');
  return {
    id: id ?? level * 100 + Object.keys(testTypeNames).indexOf(typeCode),
    typeCode,
    name: `${r.name}${typeSuffix(typeCode)}`,
    regionCode: r.code,
    regionName: r.name,
    regionLevel: level,
    regionPath: path,
  };
}

/** Service centres at every level from the city to the village, mediation committees in the village and township. */
export const fullUnits: PathUnit[] = [
  unitAt(2, 'service_centre'),
  unitAt(3, 'service_centre'),
  unitAt(4, 'service_centre'),
  unitAt(5, 'service_centre'),
  unitAt(4, 'mediation_committee'),
  unitAt(5, 'mediation_committee'),
  unitAt(4, 'justice_office'),
  unitAt(3, 'human_resources'),
];

const categories = {
  neighbour: { code: 'neighbour', path: 'neighbour/', name: { zh: '邻里纠纷', en: 'Neighbour disputes' } },
  labour: { code: 'labour', path: 'labour/', name: { zh: '劳资纠纷', en: 'Labour and wages' } },
} as const;

/** A rule that matches anything unless told otherwise. */
export function rule(
  id: number,
  over: Partial<Omit<DispatchRule, 'category'>> & { category?: keyof typeof categories | null } = {},
): DispatchRule {
  const { category, ...rest } = over;
  return {
    id,
    position: id,
    name: `规则${id}`,
    kind: null,
    category: category ? categories[category] : null,
    complexity: null,
    channel: null,
    crossRegion: null,
    targetUnitType: 'service_centre',
    targetLevel: 3,
    fallback: 'climb',
    enabled: true,
    ...rest,
  };
}

/** A general neighbour dispute reported by a grid worker. */
export const neighbourFacts: DispatchFacts = {
  kind: 'dispute',
  categoryPath: 'neighbour/neighbour_noise/',
  complexity: 'general',
  channel: 'grid',
  crossRegion: false,
};

/** An input over the test path with the given rules and units (all units by default). */
export function inputOf(
  rules: DispatchRule[],
  units: PathUnit[] = fullUnits,
  facts: DispatchFacts = neighbourFacts,
  depth = 6,
): DispatchInput {
  return { facts, rules, units, path: testPath.slice(0, depth), typeNames: testTypeNames };
}
