// The vocabulary of automatic dispatch: rules as ordered data, the facts of a case they match,
// the units along the case's region path they resolve to, and the explained decision.
import type { CaseKind, Channel, Complexity } from '../case/types.js';
import type { RegionLevel } from '../region/levels.js';

export const FALLBACKS = ['climb', 'service_centre', 'county_centre'] as const;
/**
 * What a rule does when no unit of its type sits at its level of the case's path:
 * `climb` tries the same type one level up at a time, stopping at the county;
 * `service_centre` tries the service centre at the target level, then climbs with the rule's type;
 * `county_centre` goes straight to the county service centre.
 */
export type Fallback = (typeof FALLBACKS)[number];

/** The unit type every level has: the 社会治理服务中心 that concludes what nobody else takes. */
export const SERVICE_CENTRE = 'service_centre';
/** The county is the final stop (终点站): automatic dispatch climbs no higher on its own. */
export const COUNTY_LEVEL = 3;

/** Text in both languages of the interface. */
export type Label = { zh: string; en: string };

/** One rule. Null conditions match anything; the category matches its whole subtree. */
export type DispatchRule = {
  id: number;
  position: number;
  name: string;
  kind: CaseKind | null;
  /** The category the rule names, with its materialised path ('labour/') and its names. */
  category: { code: string; path: string; name: Label } | null;
  complexity: Complexity | null;
  channel: Channel | null;
  crossRegion: boolean | null;
  targetUnitType: string;
  /** 1 province … 5 village: the level of the case's region path where the unit is sought. */
  targetLevel: RegionLevel;
  fallback: Fallback;
  enabled: boolean;
  /** The jurisdiction that set the rule (a region's materialised path); absent or '' is the deployment's top. */
  regionPath?: string;
};

/** What a case says about itself that rules can match; `categoryPath` is its category's path. */
export type DispatchFacts = {
  kind: CaseKind;
  categoryPath: string;
  complexity: Complexity;
  channel: Channel;
  crossRegion: boolean;
};

/** A region of the case's path, from the province down to the case's own region. */
export type PathRegion = { code: string; level: RegionLevel; name: string };

/** A unit sitting at one of the path's regions. */
export type PathUnit = {
  id: number;
  typeCode: string;
  name: string;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
  regionPath: string;
};

/** Everything a decision depends on, so that the same input always gives the same decision. */
export type DispatchInput = {
  facts: DispatchFacts;
  path: readonly PathRegion[];
  units: readonly PathUnit[];
  rules: readonly DispatchRule[];
  /** Names of unit types, for the explanation; a missing name falls back to the code. */
  typeNames: Readonly<Record<string, Label>>;
};

/** Why a step was tried: the rule's target, its fallback, the county's final stop, or the last resort above. */
export const STEP_VIAS = ['target', 'climb', 'service_centre', 'county_centre', 'final', 'nearest_centre'] as const;
export type StepVia = (typeof STEP_VIAS)[number];

/** One place looked at, in order; `regionCode` is null when the case's path does not reach that level. */
export type DispatchStep = {
  via: StepVia;
  typeCode: string;
  level: RegionLevel;
  regionCode: string | null;
  regionName: string | null;
  unitId: number | null;
};

/** Where a case goes and why. `unit` is null only when the path has no service centre at all. */
export type DispatchDecision = {
  unit: PathUnit | null;
  rule: { id: number; position: number; name: string } | null;
  /** How the unit was found: the via of the step that found it, or 'none'. */
  via: StepVia | 'none';
  steps: DispatchStep[];
  explanation: Label;
};
