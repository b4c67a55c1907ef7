import type { DispatchDecision as Decision } from '../../core/dispatch/index.js';
import type { DispatchDecision, DispatchRule } from '../../contract/dispatch.js';
import type { StoredDispatchRule } from '../../storage/dispatch-rules.repo.js';
import type { Origin } from '../config/jurisdiction.js';

/** A stored rule as the API shows it: the category flattened to its code and names, with where it comes from. */
export function presentRule(r: StoredDispatchRule & Origin): DispatchRule {
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    kind: r.kind,
    categoryCode: r.category?.code ?? null,
    categoryNameZh: r.category?.name.zh ?? null,
    categoryNameEn: r.category?.name.en ?? null,
    complexity: r.complexity,
    channel: r.channel,
    crossRegion: r.crossRegion,
    targetUnitType: r.targetUnitType,
    targetLevel: r.targetLevel,
    fallback: r.fallback,
    enabled: r.enabled,
    updatedAt: r.updatedAt.toISOString(),
    regionCode: r.regionCode,
    regionName: r.regionName,
    inherited: r.inherited,
  };
}

/** A decision as the API shows it: the unit without its region path (the region code says where it is). */
export function presentDecision(d: Decision): DispatchDecision {
  const unit = d.unit && {
    id: d.unit.id,
    typeCode: d.unit.typeCode,
    name: d.unit.name,
    regionCode: d.unit.regionCode,
    regionName: d.unit.regionName,
    regionLevel: d.unit.regionLevel,
  };
  return { unit, rule: d.rule, via: d.via, steps: d.steps, explanation: d.explanation };
}
