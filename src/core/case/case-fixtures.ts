// Test fixtures for the case core: a small region (one county, two townships, villages, a grid),
// its units and users, and helpers that drive a case through the real actions. Used by the tests
// beside this file; it holds no test code itself.
import { perform, type ActionInputs } from './actions.js';
import { receive, type ReceiveInput } from './intake.js';
import type { Result, Transition } from './result.js';
import type { ActionName, Actor, CaseState, Role, UnitRef } from './types.js';

export const PATHS = {
  county: '32/3201/320114/',
  township: '32/3201/320114/320114001/',
  otherTownship: '32/3201/320114/320114002/',
  village: '32/3201/320114/320114001/320114001001/',
  otherVillage: '32/3201/320114/320114001/320114001002/',
  grid: '32/3201/320114/320114001/320114001001/320114001001001/',
} as const;

const unit = (unitId: number, unitLevel: number, regionPath: string): UnitRef => ({ unitId, unitLevel, regionPath });

export const UNITS = {
  countyCentre: unit(1, 3, PATHS.county), // 区社会治理服务中心
  countyHrss: unit(2, 3, PATHS.county), // 区人社局
  townshipCentre: unit(10, 4, PATHS.township), // 街道社会治理服务中心
  townshipJustice: unit(11, 4, PATHS.township), // 司法所
  townshipPolice: unit(12, 4, PATHS.township), // 派出所
  otherTownshipCentre: unit(13, 4, PATHS.otherTownship),
  villageCentre: unit(20, 5, PATHS.village), // 社区综治中心
  villageCommittee: unit(21, 5, PATHS.village), // 人民调解委员会
  otherVillageCentre: unit(30, 5, PATHS.otherVillage),
} as const;

const actor = (userId: number, u: UnitRef, roles: Role[], scopePath: string = u.regionPath): Actor => ({
  userId,
  unitId: u.unitId,
  unitLevel: u.unitLevel,
  roles,
  scopePath,
});

export const ACTORS = {
  gridWorker: actor(101, UNITS.villageCentre, ['gridworker'], PATHS.grid),
  villageDispatcher: actor(102, UNITS.villageCentre, ['dispatcher']),
  villageLeader: actor(103, UNITS.villageCentre, ['leader']),
  villageMediator: actor(104, UNITS.villageCommittee, ['mediator']),
  townshipDispatcher: actor(110, UNITS.townshipCentre, ['dispatcher']),
  townshipLeader: actor(111, UNITS.townshipCentre, ['leader']),
  townshipMediator: actor(112, UNITS.townshipCentre, ['mediator']),
  justiceMediator: actor(113, UNITS.townshipJustice, ['mediator']),
  policeClerk: actor(114, UNITS.townshipPolice, ['clerk']),
  otherTownshipDispatcher: actor(115, UNITS.otherTownshipCentre, ['dispatcher', 'leader']),
  countyDispatcher: actor(120, UNITS.countyCentre, ['dispatcher']),
  countyClerk: actor(121, UNITS.countyCentre, ['clerk']),
  countyLeader: actor(122, UNITS.countyCentre, ['leader']),
  hrssClerk: actor(123, UNITS.countyHrss, ['clerk']),
  otherVillageMediator: actor(130, UNITS.otherVillageCentre, ['mediator']),
  auditor: actor(140, UNITS.countyCentre, ['auditor']),
  admin: actor(141, UNITS.countyCentre, ['admin', 'security']),
} as const;

export const ALL_UNITS: UnitRef[] = Object.values(UNITS);
export const ALL_ACTORS: Actor[] = Object.values(ACTORS);

/** A handler of the given unit from the fixture users. */
export const memberOf = (unitId: number | undefined): Actor =>
  ALL_ACTORS.find((a) => a.unitId === unitId && !a.roles.includes('auditor') && !a.roles.includes('dispatcher')) ??
  ALL_ACTORS.find((a) => a.unitId === unitId) ??
  ACTORS.villageMediator;

/** The service centre of a level on the fixture case's path. */
export const centreAt = (level: number): UnitRef =>
  level === 5 ? UNITS.villageCentre : level === 4 ? UNITS.townshipCentre : UNITS.countyCentre;

export const T0 = new Date('2025-03-03T01:00:00.000Z');
export const HOUR = 3_600_000;

/** An instant an hour after the case last changed: a clock that only moves forward. */
export const later = (s: CaseState, hours = 1): Date => new Date(s.updatedAt.getTime() + hours * HOUR);

/** Unwraps a Result, failing loudly: for fixtures and tests only. */
export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

export const NEIGHBOUR_DISPUTE: ReceiveInput = {
  id: 1,
  kind: 'dispute',
  channel: 'grid',
  complexity: 'general',
  categoryCode: 'neighbour',
  regionPath: PATHS.grid,
  centre: UNITS.villageCentre,
};

/** A freshly received neighbour dispute, reported by the grid worker. */
export const newCase = (over: Partial<ReceiveInput> = {}): Transition =>
  must(receive({ ...NEIGHBOUR_DISPUTE, ...over }, ACTORS.gridWorker, T0));

type Payload<K extends ActionName> = Omit<ActionInputs[K], 'expectedVersion'>;

/** Tries an action at the case's current version, an hour after its last change. */
export const attemptAs = <K extends ActionName>(s: CaseState, name: K, a: Actor, input: Payload<K>, now = later(s)) =>
  perform(name, s, a, { ...input, expectedVersion: s.version } as ActionInputs[K], now);

/** Takes an action that must succeed and returns the new state. */
export const step = <K extends ActionName>(s: CaseState, name: K, a: Actor, input: Payload<K>): CaseState =>
  must(attemptAs(s, name, a, input)).state;
