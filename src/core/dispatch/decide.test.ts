import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { fullUnits, inputOf, neighbourFacts, rule, unitAt } from './dispatch-fixtures.js';
import type { DispatchRule, PathUnit, StepVia } from './types.js';

const villageMediation = (fallback: DispatchRule['fallback'] = 'climb') =>
  rule(12, {
    name: '村级调解：邻里纠纷',
    category: 'neighbour',
    complexity: 'general',
    targetUnitType: 'mediation_committee',
    targetLevel: 5,
    fallback,
  });
const without = (...drop: PathUnit[]) => fullUnits.filter((u) => !drop.some((d) => d.id === u.id));
const villageMC = unitAt(5, 'mediation_committee');
const townMC = unitAt(4, 'mediation_committee');
const villageSC = unitAt(5, 'service_centre');
const countySC = unitAt(3, 'service_centre');
const citySC = unitAt(2, 'service_centre');
const labourFacts = { ...neighbourFacts, categoryPath: 'labour/labour_wage_arrears/' };

type Row = [
  string,
  DispatchRule[],
  PathUnit[],
  Partial<{ facts: typeof neighbourFacts; depth: number }>,
  string | null,
  StepVia | 'none',
  StepVia[],
];

const table: Row[] = [
  [
    'the rule’s own unit when it is there',
    [villageMediation()],
    fullUnits,
    {},
    '甲一村人民调解委员会',
    'target',
    ['target'],
  ],
  [
    'climb: the same type one level up',
    [villageMediation()],
    without(villageMC),
    {},
    '甲一镇人民调解委员会',
    'climb',
    ['target', 'climb'],
  ],
  [
    'service_centre: the centre at the target level first',
    [villageMediation('service_centre')],
    without(villageMC),
    {},
    '甲一村社会治理服务中心',
    'service_centre',
    ['target', 'service_centre'],
  ],
  [
    'service_centre, then climb with the rule’s type',
    [villageMediation('service_centre')],
    without(villageMC, villageSC),
    {},
    '甲一镇人民调解委员会',
    'climb',
    ['target', 'service_centre', 'climb'],
  ],
  [
    'climb stops at the county, then the county centre concludes',
    [villageMediation()],
    without(villageMC, townMC),
    {},
    '甲县社会治理服务中心',
    'final',
    ['target', 'climb', 'climb', 'final'],
  ],
  [
    'county_centre: straight to the county centre',
    [villageMediation('county_centre')],
    without(villageMC),
    {},
    '甲县社会治理服务中心',
    'county_centre',
    ['target', 'county_centre'],
  ],
  [
    'no county centre: the nearest centre above',
    [villageMediation('county_centre')],
    without(villageMC, countySC),
    {},
    '测试市社会治理服务中心',
    'nearest_centre',
    ['target', 'county_centre', 'nearest_centre'],
  ],
  [
    'no rule: the county centre',
    [rule(1, { kind: 'petition' })],
    fullUnits,
    {},
    '甲县社会治理服务中心',
    'final',
    ['final'],
  ],
  [
    'no rule and no centre anywhere: no unit',
    [],
    without(countySC, citySC),
    {},
    null,
    'none',
    ['final', 'nearest_centre', 'nearest_centre'],
  ],
  [
    'a case above the target level climbs from its own region',
    [villageMediation()],
    fullUnits,
    { depth: 4 },
    '甲一镇人民调解委员会',
    'climb',
    ['target', 'climb'],
  ],
  [
    'a county department',
    [rule(5, { category: 'labour', targetUnitType: 'human_resources', targetLevel: 3, fallback: 'county_centre' })],
    fullUnits,
    { facts: labourFacts },
    '甲县人力资源和社会保障局',
    'target',
    ['target'],
  ],
  [
    'a missing county department goes to the county centre',
    [rule(5, { category: 'labour', targetUnitType: 'human_resources', targetLevel: 3, fallback: 'climb' })],
    without(unitAt(3, 'human_resources')),
    { facts: labourFacts },
    '甲县社会治理服务中心',
    'final',
    ['target', 'final'],
  ],
  [
    'city command',
    [rule(1, { crossRegion: true, complexity: 'special', targetLevel: 2, fallback: 'county_centre' })],
    fullUnits,
    { facts: { ...neighbourFacts, crossRegion: true, complexity: 'special' } },
    '测试市社会治理服务中心',
    'target',
    ['target'],
  ],
  [
    'city command without a city centre falls to the county',
    [rule(1, { targetLevel: 2, fallback: 'climb' })],
    without(citySC),
    {},
    '甲县社会治理服务中心',
    'final',
    ['target', 'final'],
  ],
  [
    'the first matching rule wins',
    [rule(2, { kind: 'dispute', targetUnitType: 'justice_office', targetLevel: 4 }), villageMediation()],
    fullUnits,
    {},
    '甲一镇司法所',
    'target',
    ['target'],
  ],
  [
    'a disabled rule is passed over',
    [rule(2, { targetUnitType: 'justice_office', targetLevel: 4, enabled: false }), villageMediation()],
    fullUnits,
    {},
    '甲一村人民调解委员会',
    'target',
    ['target'],
  ],
];

describe('dispatch decisions', () => {
  it.each(table)('%s', (_, rules, units, opts, unitName, via, vias) => {
    const d = decide(inputOf(rules, units, opts.facts, opts.depth));
    expect(d.unit?.name ?? null).toBe(unitName);
    expect(d.via).toBe(via);
    expect(d.steps.map((s) => s.via)).toEqual(vias);
  });

  it('explains a direct route by the rule’s number, name and conditions', () => {
    expect(decide(inputOf([villageMediation()])).explanation).toEqual({
      zh: '规则 12「村级调解：邻里纠纷」：邻里纠纷 · 一般 → 甲一村人民调解委员会',
      en: 'rule 12 "村级调解：邻里纠纷": Neighbour disputes · general → 甲一村人民调解委员会',
    });
  });

  it('explains what was missing and which fallback found the unit', () => {
    expect(decide(inputOf([villageMediation()], without(villageMC))).explanation).toEqual({
      zh: '规则 12「村级调解：邻里纠纷」：邻里纠纷 · 一般 → 甲一村未设人民调解委员会，按回退「逐级上移」 → 甲一镇人民调解委员会',
      en: 'rule 12 "村级调解：邻里纠纷": Neighbour disputes · general → no People\'s mediation committee at 甲一村; fallback "climb" → 甲一镇人民调解委员会',
    });
  });

  it('explains the county’s final stop and the last resort above it', () => {
    expect(decide(inputOf([villageMediation()], without(villageMC, townMC))).explanation.zh).toBe(
      '规则 12「村级调解：邻里纠纷」：邻里纠纷 · 一般 → 甲一村未设人民调解委员会，回退「逐级上移」未找到单位，由县级社会治理服务中心兜底 → 甲县社会治理服务中心',
    );
    expect(decide(inputOf([], without(countySC))).explanation).toEqual({
      zh: '无匹配规则，县级社会治理服务中心未设立，由最近的上级社会治理服务中心接收 → 测试市社会治理服务中心',
      en: 'no rule matched; no county service centre, the nearest service centre above receives it → 测试市社会治理服务中心',
    });
    expect(decide(inputOf([], [])).explanation.en).toBe(
      "no rule matched; no service centre on the case's path to receive it",
    );
  });

  it('says when the case’s region does not reach the rule’s level', () => {
    expect(decide(inputOf([villageMediation()], fullUnits, neighbourFacts, 4)).explanation.zh).toBe(
      '规则 12「村级调解：邻里纠纷」：邻里纠纷 · 一般 → 案件所在区域不到村社区级，无人民调解委员会，按回退「逐级上移」 → 甲一镇人民调解委员会',
    );
  });

  it('reads a rule without conditions as any case, and names kind, channel and cross-region', () => {
    expect(decide(inputOf([rule(7, { name: '兜底' })])).explanation.zh).toBe(
      '规则 7「兜底」：全部事项 → 甲县社会治理服务中心',
    );
    const r = rule(8, { name: '跨区', kind: 'dispute', channel: 'grid', crossRegion: true });
    expect(decide(inputOf([r], fullUnits, { ...neighbourFacts, crossRegion: true })).explanation.en).toBe(
      'rule 8 "跨区": dispute · grid report · cross-region → 甲县社会治理服务中心',
    );
  });

  it('carries the rule and the steps with the regions looked at', () => {
    const d = decide(inputOf([villageMediation()], without(villageMC)));
    expect(d.rule).toEqual({ id: 12, position: 12, name: '村级调解：邻里纠纷' });
    expect(d.steps).toEqual([
      {
        via: 'target',
        typeCode: 'mediation_committee',
        level: 5,
        regionCode: '320101001001',
        regionName: '甲一村',
        unitId: null,
      },
      {
        via: 'climb',
        typeCode: 'mediation_committee',
        level: 4,
        regionCode: '320101001',
        regionName: '甲一镇',
        unitId: townMC.id,
      },
    ]);
  });
});
