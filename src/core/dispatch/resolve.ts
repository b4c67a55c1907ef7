import type { RegionLevel } from '../region/levels.js';
import {
  COUNTY_LEVEL,
  SERVICE_CENTRE,
  type DispatchRule,
  type DispatchStep,
  type PathRegion,
  type PathUnit,
  type StepVia,
} from './types.js';

type Attempt = { via: StepVia; typeCode: string; level: RegionLevel };

/** Levels above `level` up to and including the county; none when `level` is already at or above it. */
function climbLevels(level: RegionLevel): RegionLevel[] {
  const out: RegionLevel[] = [];
  for (let l = level - 1; l >= COUNTY_LEVEL; l--) out.push(l as RegionLevel);
  return out;
}

/** The places a rule asks to look at, in order: its target, then its fallback. */
function ruleAttempts(rule: DispatchRule): Attempt[] {
  const { targetUnitType: type, targetLevel: level } = rule;
  const climb = climbLevels(level).map((l): Attempt => ({ via: 'climb', typeCode: type, level: l }));
  const fallback: Attempt[] =
    rule.fallback === 'climb'
      ? climb
      : rule.fallback === 'service_centre'
        ? [{ via: 'service_centre', typeCode: SERVICE_CENTRE, level }, ...climb]
        : [{ via: 'county_centre', typeCode: SERVICE_CENTRE, level: COUNTY_LEVEL }];
  return [{ via: 'target', typeCode: type, level }, ...fallback];
}

/**
 * Every place to look at for a case, in order: the rule's own (if a rule matched), then the county
 * service centre as the final stop, then the nearest service centre above the county. A place
 * already looked at is not looked at twice.
 */
export function attemptsFor(rule: DispatchRule | null): Attempt[] {
  const all: Attempt[] = [
    ...(rule ? ruleAttempts(rule) : []),
    { via: 'final', typeCode: SERVICE_CENTRE, level: COUNTY_LEVEL },
    { via: 'nearest_centre', typeCode: SERVICE_CENTRE, level: 2 },
    { via: 'nearest_centre', typeCode: SERVICE_CENTRE, level: 1 },
  ];
  const seen = new Set<string>();
  return all.filter((a) => {
    const key = `${a.typeCode}@${a.level}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Walks the attempts along the case's path and stops at the first unit found. Among several units
 * of one type at one region the lowest id wins, so the answer does not depend on the input order.
 */
export function resolveUnit(
  attempts: readonly Attempt[],
  path: readonly PathRegion[],
  units: readonly PathUnit[],
): { unit: PathUnit | null; steps: DispatchStep[] } {
  const steps: DispatchStep[] = [];
  for (const a of attempts) {
    const region = path.find((r) => r.level === a.level) ?? null;
    const unit = region
      ? lowestId(units.filter((u) => u.regionCode === region.code && u.typeCode === a.typeCode))
      : null;
    steps.push({ ...a, regionCode: region?.code ?? null, regionName: region?.name ?? null, unitId: unit?.id ?? null });
    if (unit) return { unit, steps };
  }
  return { unit: null, steps };
}

function lowestId(units: readonly PathUnit[]): PathUnit | null {
  return units.reduce<PathUnit | null>((best, u) => (best === null || u.id < best.id ? u : best), null);
}
