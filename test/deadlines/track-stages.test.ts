import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { stageRows, stageWorld } from './stage-world.js';
import { systemScope } from '../../src/storage/db.js';
import { replacePolicies } from '../../src/storage/deadline-reference.repo.js';
import { loadPolicies, trackStages } from '../../src/app/deadlines/track-stages.js';
import { readCaseState } from '../../src/storage/cases.repo.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe.each(engines)('stage tracking over a stored case history %s', (engine) => {
  let t: TestDb;
  let w: Awaited<ReturnType<typeof stageWorld>>;
  beforeAll(async () => {
    t = await createTestDb(engine);
    w = await stageWorld(t.db);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} times sign-for, handling, a co-unit's reply, suspension and the return visit`, async () => {
    const u = w.units;
    let s = await w.openCase(at('2025-03-03T01:00:00Z')); // Monday 09:00 CST
    expect(await stageRows(t.db, s.id)).toEqual([]);

    s = await w.act(s, 'dispatch', u.villageCentre, { unit: u.villageCommittee }, at('2025-03-03T02:00:00Z'));
    let rows = await stageRows(t.db, s.id);
    expect(rows.map((r) => [r.seq, r.stage, iso(r.due_at)])).toEqual([[1, 'sign_for', '2025-03-04T16:00:00.000Z']]); // 1 working day: 24:00 Tuesday
    expect(rows[0]!.next_card_at).not.toBeNull();

    s = await w.act(s, 'sign', u.villageCommittee, {}, at('2025-03-04T02:00:00Z'));
    rows = await stageRows(t.db, s.id);
    expect(rows.map((r) => [r.stage, iso(r.completed_at)])).toEqual([
      ['sign_for', '2025-03-04T02:00:00.000Z'],
      ['handle', null],
    ]);
    // a general dispute: 10 calendar days from the day after signing, to 24:00 of Friday 14 March
    expect(iso(rows[1]!.due_at)).toBe('2025-03-14T16:00:00.000Z');

    s = await w.act(
      s,
      'request_joint',
      u.villageCommittee,
      { coUnits: [{ unit: u.townJustice, task: '法律意见' }] },
      at('2025-03-04T03:00:00Z'),
    );
    s = await w.act(s, 'sign_co_task', u.townJustice, {}, at('2025-03-04T04:00:00Z'));
    rows = await stageRows(t.db, s.id);
    expect(rows.filter((r) => r.seq === 2).map((r) => [r.stage, r.completed_at === null])).toEqual([
      ['sign_for', false],
      ['co_reply', true],
    ]);
    s = await w.act(s, 'reply_co_task', u.townJustice, { reply: '已答复' }, at('2025-03-05T04:00:00Z'));
    expect((await stageRows(t.db, s.id)).every((r) => r.seq !== 2 || r.completed_at !== null)).toBe(true);

    s = await w.act(s, 'suspend', u.villageCommittee, { reason: '等待法院裁定' }, at('2025-03-06T02:00:00Z'));
    let handle = (await stageRows(t.db, s.id)).find((r) => r.stage === 'handle')!;
    expect([handle.due_at, handle.next_card_at, iso(handle.suspended_at)]).toEqual([
      null,
      null,
      '2025-03-06T02:00:00.000Z',
    ]);
    s = await w.act(s, 'resume', u.villageCommittee, {}, at('2025-03-09T02:00:00Z'));
    handle = (await stageRows(t.db, s.id)).find((r) => r.stage === 'handle')!;
    // calendar-day limits run on wall time: three days stopped move the deadline three days
    expect([iso(handle.due_at), handle.suspended_at]).toEqual(['2025-03-17T16:00:00.000Z', null]);

    await t.db.tx(systemScope, (trx) =>
      trx
        .insertInto('cards')
        .values({
          case_id: s.id,
          seq: 1,
          stage: 'handle',
          colour: 'blue',
          issued_at: at('2025-03-10T00:00:00Z'),
          due_at: at('2025-03-10T00:00:00Z'),
          unit_id: u.villageCommittee.unitId,
          supervisor_level: 5,
          supervisor_region_path: w.paths.villageA1,
          region_path: s.regionPath,
        })
        .execute(),
    );
    s = await w.act(
      s,
      'resolve',
      u.villageCommittee,
      { outcome: { kind: 'mediated', agreement: 'written', summary: '调解成功' } },
      at('2025-03-11T02:00:00Z'),
    );
    rows = await stageRows(t.db, s.id);
    expect(rows.filter((r) => r.completed_at === null).map((r) => [r.seq, r.stage, r.unit_id])).toEqual([
      [1, 'return_visit', u.villageCentre.unitId],
    ]);
    const card = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('cards').selectAll().where('case_id', '=', s.id).executeTakeFirstOrThrow(),
    );
    expect(iso(card.cleared_at)).toBe('2025-03-11T02:00:00.000Z');

    s = await w.act(s, 'evaluate', u.villageCentre, { rating: 'satisfied', by: 'staff' }, at('2025-03-12T02:00:00Z'));
    expect((await stageRows(t.db, s.id)).every((r) => r.completed_at !== null)).toBe(true);
  });

  it(`${engineLabel(engine)} keeps a stored deadline when the policy changes, and tracking twice changes nothing`, async () => {
    const u = w.units;
    let s = await w.openCase(at('2025-04-01T01:00:00Z'), { kind: 'hazard' });
    s = await w.act(s, 'dispatch', u.villageCentre, { unit: u.villageCommittee }, at('2025-04-01T02:00:00Z'));
    const before = await stageRows(t.db, s.id);
    expect(iso(before[0]!.due_at)).toBe('2025-04-01T04:00:00.000Z'); // hazards: sign for within 2 hours
    await t.db.tx(systemScope, (trx) =>
      replacePolicies(
        trx,
        '',
        [
          { kind: '*', complexity: '*', stage: 'sign_for', amount: 9, unit: 'hour' },
          { kind: '*', complexity: '*', stage: 'handle', amount: 1, unit: 'calendar_day' },
        ],
        at('2025-04-01T02:30:00Z'),
      ),
    );
    const state = await t.db.tx(systemScope, async (trx) => {
      const st = (await readCaseState(trx, s.id))!;
      await trackStages(trx, null, st, at('2025-04-01T03:00:00Z'), await loadPolicies(trx));
      return st;
    });
    expect(await stageRows(t.db, s.id)).toEqual(before);
    s = await w.act(state, 'sign', u.villageCommittee, {}, at('2025-04-01T03:00:00Z'));
    const handle = (await stageRows(t.db, s.id)).find((r) => r.stage === 'handle')!;
    expect(iso(handle.due_at)).toBe('2025-04-02T16:00:00.000Z'); // the new policy applies to the new stage only
  });
});
