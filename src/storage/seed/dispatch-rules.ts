import { sql } from 'kysely';
import type { Tx } from '../db.js';
import {
  countDispatchRules,
  insertDispatchRule,
  lockDispatchRules,
  type DispatchRuleValues,
} from '../dispatch-rules.repo.js';

type Seed = Partial<DispatchRuleValues> &
  Pick<DispatchRuleValues, 'name' | 'targetUnitType' | 'targetLevel' | 'fallback'>;

/**
 * The rules a new installation starts with, in the order they are tried. They reproduce the
 * four-level linkage (四级联动): the city commands the special cross-region matters, the county is
 * the final stop for what the law puts with a county department (劳资 → 人社, 征地拆迁 → 住建,
 * 信访 → 信访局) and for whatever is special or crosses regions, the township is the main front for
 * major disputes, land contracting and hazards, and the village is the frontline for the everyday
 * disputes its mediation committee settles (人民调解法 第八条: villages and communities set up
 * mediation committees). Administrators change them; these are only the start.
 */
export const defaultDispatchRules: Seed[] = [
  {
    name: '市级统筹：疑难复杂跨区域事项',
    complexity: 'special',
    crossRegion: true,
    targetUnitType: 'service_centre',
    targetLevel: 2,
    fallback: 'county_centre',
  },
  {
    name: '县级兜底：跨区域事项',
    crossRegion: true,
    targetUnitType: 'service_centre',
    targetLevel: 3,
    fallback: 'county_centre',
  },
  {
    name: '县级终点站：疑难复杂事项',
    complexity: 'special',
    targetUnitType: 'service_centre',
    targetLevel: 3,
    fallback: 'county_centre',
  },
  {
    name: '县信访局：信访事项',
    kind: 'petition',
    targetUnitType: 'petition_bureau',
    targetLevel: 3,
    fallback: 'county_centre',
  },
  {
    name: '县人社局：劳资纠纷',
    categoryCode: 'labour',
    targetUnitType: 'human_resources',
    targetLevel: 3,
    fallback: 'county_centre',
  },
  {
    name: '县住建局：征地拆迁',
    categoryCode: 'land_expropriation',
    targetUnitType: 'housing',
    targetLevel: 3,
    fallback: 'county_centre',
  },
  {
    name: '县生态环境局：环境污染',
    categoryCode: 'environment',
    targetUnitType: 'ecology',
    targetLevel: 3,
    fallback: 'county_centre',
  },
  {
    name: '县交警大队：交通事故',
    categoryCode: 'traffic',
    targetUnitType: 'traffic_police',
    targetLevel: 3,
    fallback: 'county_centre',
  },
  {
    name: '乡镇主阵地：土地承包',
    categoryCode: 'land_contract',
    targetUnitType: 'service_centre',
    targetLevel: 4,
    fallback: 'climb',
  },
  { name: '乡镇主阵地：安全隐患', kind: 'hazard', targetUnitType: 'service_centre', targetLevel: 4, fallback: 'climb' },
  {
    name: '乡镇主阵地：重大矛盾纠纷',
    kind: 'dispute',
    complexity: 'major',
    targetUnitType: 'service_centre',
    targetLevel: 4,
    fallback: 'climb',
  },
  {
    name: '村级前沿：邻里纠纷',
    categoryCode: 'neighbour',
    complexity: 'general',
    targetUnitType: 'mediation_committee',
    targetLevel: 5,
    fallback: 'climb',
  },
  {
    name: '村级前沿：婚姻家庭',
    categoryCode: 'family',
    complexity: 'general',
    targetUnitType: 'mediation_committee',
    targetLevel: 5,
    fallback: 'climb',
  },
  {
    name: '村级前沿：物业纠纷',
    categoryCode: 'property_mgmt',
    complexity: 'general',
    targetUnitType: 'mediation_committee',
    targetLevel: 5,
    fallback: 'climb',
  },
  {
    name: '村级前沿：其他一般矛盾纠纷',
    kind: 'dispute',
    complexity: 'general',
    targetUnitType: 'service_centre',
    targetLevel: 5,
    fallback: 'climb',
  },
  { name: '乡镇主阵地：群众诉求', kind: 'appeal', targetUnitType: 'service_centre', targetLevel: 4, fallback: 'climb' },
];

/**
 * Inserts the default rules when there are none yet, so running the seed again (or after an
 * administrator has edited the rules) changes nothing. Returns how many it inserted.
 */
export async function seedDefaultDispatchRules(trx: Tx): Promise<number> {
  await lockDispatchRules(trx);
  if ((await countDispatchRules(trx)) > 0) return 0;
  // Reference data carries no caller's clock: the rules are stamped with the transaction's time.
  const at = (await sql<{ now: Date }>`select now() as now`.execute(trx)).rows[0]!.now;
  for (const [i, r] of defaultDispatchRules.entries()) {
    await insertDispatchRule(trx, {
      kind: null,
      categoryCode: null,
      complexity: null,
      channel: null,
      crossRegion: null,
      enabled: true,
      ...r,
      regionPath: '',
      position: i + 1,
      at,
    });
  }
  return defaultDispatchRules.length;
}
