import { systemScope, type Db } from '../../src/storage/db.js';
import { makeUnit, makeUser, seedWorld, type WorldRegion } from '../factories.js';
import {
  perform,
  receive,
  type ActionInputs,
  type ActionName,
  type Actor,
  type CaseState,
  type UnitRef,
} from '../../src/core/case/index.js';
import { appendEvents, insertCase, nextCaseId, saveTransition } from '../../src/storage/cases.repo.js';
import { loadPolicies, trackStages } from '../../src/app/deadlines/track-stages.js';

/**
 * A county branch with units at the county, a township and a village, one all-role actor per unit
 * (the core checks roles, not accounts), leaders as real accounts, and cases driven through the
 * case core, stored with the case repositories and tracked with trackStages after every transition.
 */
export async function stageWorld(db: Db) {
  const paths = await seedWorld(db);
  const mk = async (region: WorldRegion, type: string, level: number): Promise<UnitRef> => ({
    unitId: await makeUnit(db, region, type),
    unitLevel: level,
    regionPath: paths[region],
  });
  const units = {
    countyCentre: await mk('countyA', 'service_centre', 3),
    townCentre: await mk('townA1', 'service_centre', 4),
    townJustice: await mk('townA1', 'justice_office', 4),
    villageCentre: await mk('villageA1', 'service_centre', 5),
    villageCommittee: await mk('villageA1', 'mediation_committee', 5),
  };
  const leaders = {
    village: await makeUser(db, 'village-leader', units.villageCentre.unitId, ['leader']),
    township: await makeUser(db, 'town-leader', units.townCentre.unitId, ['leader']),
    county: await makeUser(db, 'county-leader', units.countyCentre.unitId, ['leader']),
    committee: await makeUser(db, 'committee-mediator', units.villageCommittee.unitId, ['mediator']),
  };
  let nextUser = 1000;
  const actorOf = (u: UnitRef): Actor => ({
    userId: nextUser++,
    unitId: u.unitId,
    unitLevel: u.unitLevel,
    roles: ['dispatcher', 'clerk', 'mediator', 'leader', 'gridworker'],
    scopePath: u.regionPath,
  });

  /** Receives a case at the village centre, as a dispute unless told otherwise. */
  async function openCase(
    at: Date,
    over: Partial<{ kind: CaseState['kind']; complexity: CaseState['complexity'] }> = {},
  ): Promise<CaseState> {
    return db.tx(systemScope, async (trx) => {
      const id = await nextCaseId(trx);
      const r = receive(
        {
          id,
          kind: over.kind ?? 'dispute',
          channel: 'walk_in',
          complexity: over.complexity ?? 'general',
          categoryCode: 'neighbour',
          regionPath: paths.villageA1,
          centre: units.villageCentre,
        },
        actorOf(units.villageCentre),
        at,
      );
      if (!r.ok) throw new Error(r.error.message);
      await insertCase(
        trx,
        {
          id,
          trackingCode: `T${id}`,
          regionCode: '320101001001',
          title: 't',
          description: 'd',
          address: null,
          lat: null,
          lng: null,
          transferSource: null,
          transferRef: null,
          attachments: [],
          repeatOf: null,
          idempotencyScope: 'test',
          idempotencyKey: String(id),
          createdBy: null,
        },
        r.value.state,
      );
      await appendEvents(trx, id, r.value.state.regionPath, r.value.events);
      await trackStages(trx, null, r.value.state, at, await loadPolicies(trx));
      return r.value.state;
    });
  }

  /** One action by a member of `by`, stored and tracked in one transaction. */
  async function act<K extends ActionName>(
    s: CaseState,
    name: K,
    by: UnitRef,
    input: Omit<ActionInputs[K], 'expectedVersion'>,
    at: Date,
  ): Promise<CaseState> {
    return db.tx(systemScope, async (trx) => {
      const r = perform(name, s, actorOf(by), { ...input, expectedVersion: s.version } as ActionInputs[K], at);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      await saveTransition(trx, s, r.value.state, r.value.events);
      await trackStages(trx, s, r.value.state, at, await loadPolicies(trx));
      return r.value.state;
    });
  }

  return { paths, units, leaders, openCase, act };
}

/** The stage rows of a case, as plain values for assertions. */
export async function stageRows(db: Db, caseId: number) {
  return db.tx(systemScope, (trx) =>
    trx
      .selectFrom('assignment_stages')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .orderBy('start_at')
      .execute(),
  );
}
