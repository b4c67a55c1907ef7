import type { CaseKind, Channel, Complexity } from '../case/types.js';
import { levelInfo, type RegionLevel } from '../region/levels.js';
import type { DispatchRule, Fallback, Label } from './types.js';

/** Case kinds as explanations name them, in zh-CN and en. */
export const kindLabels: Record<CaseKind, Label> = {
  appeal: { zh: '群众诉求', en: 'appeal' },
  dispute: { zh: '矛盾纠纷', en: 'dispute' },
  petition: { zh: '信访事项', en: 'petition' },
  hazard: { zh: '安全隐患', en: 'hazard' },
};

/** Complexities: 一般 / 重大 / 疑难复杂. */
export const complexityLabels: Record<Complexity, Label> = {
  general: { zh: '一般', en: 'general' },
  major: { zh: '重大', en: 'major' },
  special: { zh: '疑难复杂', en: 'special' },
};

/** Intake channels. */
export const channelLabels: Record<Channel, Label> = {
  grid: { zh: '网格上报', en: 'grid report' },
  hotline: { zh: '热线', en: 'hotline' },
  walk_in: { zh: '来访', en: 'walk-in' },
  online: { zh: '网上', en: 'online' },
  letter: { zh: '来信', en: 'letter' },
  transfer: { zh: '对接移交', en: 'transfer' },
};

/** A rule's fallback, as the explanation names it. */
export const fallbackLabels: Record<Fallback, Label> = {
  climb: { zh: '逐级上移', en: 'climb' },
  service_centre: { zh: '同级社会治理服务中心，再逐级上移', en: 'service centre, then climb' },
  county_centre: { zh: '县级社会治理服务中心', en: 'county centre' },
};

/** A level's name: 村社区 / village. */
export const levelLabel = (level: RegionLevel): Label => ({ zh: levelInfo(level).zh, en: levelInfo(level).en });

/**
 * A rule's conditions as the reader says them, category first: "邻里纠纷 · 一般" /
 * "Neighbour disputes · general"; a rule without conditions reads "全部事项" / "any case".
 */
export function conditionLabel(rule: DispatchRule): Label {
  const parts: Label[] = [];
  if (rule.category) parts.push(rule.category.name);
  if (rule.kind) parts.push(kindLabels[rule.kind]);
  if (rule.complexity) parts.push(complexityLabels[rule.complexity]);
  if (rule.channel) parts.push(channelLabels[rule.channel]);
  if (rule.crossRegion !== null)
    parts.push(rule.crossRegion ? { zh: '跨区域', en: 'cross-region' } : { zh: '非跨区域', en: 'within one region' });
  if (parts.length === 0) return { zh: '全部事项', en: 'any case' };
  return { zh: parts.map((p) => p.zh).join(' · '), en: parts.map((p) => p.en).join(' · ') };
}
