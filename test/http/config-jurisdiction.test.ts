import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, petitionAt, seedWorld, testPassword, world, type WorldRegion } from '../factories.js';
import { testDeps } from '../test-deps.js';
import { client } from '../http-client.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { systemScope } from '../../src/storage/db.js';

type Client = ReturnType<typeof client>;

/**
 * Issue 11, point 4: configuration by jurisdiction. Before, every administrator at any level wrote the
 * one global calendar, category tree, rule list, policy table and card rules. Now the calendar and the
 * categories are the root administrator's; dispatch rules, policies and card rules carry a region, a
 * county's rows override the top's for its subtree, and an administrator changes only their own.
 */
describe.each(engines)('configuration by jurisdiction %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const as = {} as Record<'root' | 'countyA' | 'countyB' | 'townA1' | 'clerk', Client>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    app = createApp(testDeps(t.db, { clock }));
    const admins: [keyof typeof as, WorldRegion][] = [
      ['root', 'province'],
      ['countyA', 'countyA'],
      ['countyB', 'countyB'],
      ['townA1', 'townA1'],
    ];
    for (const [name, region] of admins) {
      await makeUser(t.db, `admin-${name.toLowerCase()}`, await makeUnit(t.db, region), ['admin']);
      as[name] = client(app);
      expect((await as[name].login(`admin-${name.toLowerCase()}`, testPassword)).status).toBe(200);
    }
    await makeUser(t.db, 'city-clerk', await makeUnit(t.db, 'city'), ['clerk']);
    as.clerk = client(app);
    await as.clerk.login('city-clerk', testPassword);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} lets only the root administrator write the calendar and the category tree`, async () => {
    for (const name of ['countyA', 'townA1'] as const) {
      const day = await as[name].raw('PUT', '/api/calendar/2026-03-05', { kind: 'holiday', name: '试' });
      expect([day.status, day.body.error.code], name).toEqual([403, 'Forbidden']);
      const year = await as[name].raw('PUT', '/api/calendar?year=2027', { days: [] });
      expect(year.status, name).toBe(403);
      const cat = await as[name].post('/api/categories', { code: 'zz_local', nameZh: '本地', nameEn: 'Local' });
      expect(cat.status, name).toBe(403);
      expect((await as[name].patch('/api/categories/other', { nameZh: '改' })).status, name).toBe(403);
      expect((await as[name].get('/api/calendar?year=2026')).status, name).toBe(200);
    }
    expect((await as.root.raw('PUT', '/api/calendar/2026-03-05', { kind: 'holiday', name: '试' })).status).toBe(200);
    expect((await as.root.raw('PUT', '/api/calendar/2026-03-05', { kind: 'default' })).status).toBe(200);
    expect((await as.root.post('/api/categories', { code: 'zz_top', nameZh: '顶层', nameEn: 'Top' })).status).toBe(201);
  });

  it(`${engineLabel(engine)} routes by the nearest jurisdiction's dispatch rules, each administrator editing only their own`, async () => {
    const rule = (name: string) => ({ name, kind: 'petition', targetUnitType: 'justice_office', targetLevel: 4 });
    const mine = await as.countyA.post('/api/dispatch-rules', rule('甲县：信访交司法所'));
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ regionCode: world.countyA.code, regionName: '甲县', inherited: false });
    const theirs = await as.countyB.post('/api/dispatch-rules', rule('乙县：信访交司法所'));
    expect(theirs.status).toBe(201);

    const listed = (await as.townA1.get('/api/dispatch-rules')).body as { id: number; inherited: boolean }[];
    expect(listed[0]).toMatchObject({ id: mine.body.id, inherited: true, regionName: '甲县' });
    expect(listed.map((r) => r.id)).not.toContain(theirs.body.id);
    expect(listed.every((r) => r.inherited)).toBe(true);
    const top = listed.at(-1)!;
    expect(top).toMatchObject({ regionCode: null, inherited: true });

    // An inherited rule answers 403 (the caller sees it); another branch's answers as a missing one.
    const missing = await as.countyA.patch('/api/dispatch-rules/99999999', { enabled: false });
    expect((await as.countyA.patch(`/api/dispatch-rules/${theirs.body.id}`, { enabled: false })).status).toBe(
      missing.status,
    );
    expect((await as.countyA.delete(`/api/dispatch-rules/${theirs.body.id}`)).status).toBe(404);
    expect((await as.countyA.patch(`/api/dispatch-rules/${top.id}`, { enabled: false })).status).toBe(403);
    expect((await as.townA1.delete(`/api/dispatch-rules/${mine.body.id}`)).status).toBe(403);
    expect((await as.root.patch(`/api/dispatch-rules/${mine.body.id}`, { enabled: false })).status).toBe(403);

    await makeUnit(t.db, 'townA1', 'justice_office');
    await makeUnit(t.db, 'townB1', 'justice_office');
    const petition = { kind: 'petition', categoryCode: 'other', channel: 'letter' };
    const inA = await as.root.post('/api/dispatch/dry-run', { ...petition, regionCode: world.townA1.code });
    expect(inA.body.rule.id).toBe(mine.body.id);
    const inB = await as.root.post('/api/dispatch/dry-run', { ...petition, regionCode: world.townB1.code });
    expect(inB.body.rule.id).toBe(theirs.body.id);
    const inA2 = await as.root.post('/api/dispatch/dry-run', { ...petition, regionCode: world.villageA2.code });
    expect(inA2.body.rule.id).toBe(mine.body.id);
    expect((await as.countyA.delete(`/api/dispatch-rules/${mine.body.id}`)).status).toBe(204);
    expect((await as.countyB.delete(`/api/dispatch-rules/${theirs.body.id}`)).status).toBe(204);
    const after = await as.root.post('/api/dispatch/dry-run', { ...petition, regionCode: world.townA1.code });
    expect(after.body.rule.id).not.toBe(mine.body.id);
  });

  it(`${engineLabel(engine)} times a stage by the nearest jurisdiction's policy`, async () => {
    const own = [{ kind: '*', complexity: '*', stage: 'sign_for', amount: 7, unit: 'calendar_day' }];
    const put = await as.countyA.raw('PUT', '/api/deadline-policies', { policies: own });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const rows = put.body.policies as { stage: string; inherited: boolean; regionCode: string | null }[];
    expect(rows[0]).toMatchObject({ stage: 'sign_for', amount: 7, inherited: false, regionCode: world.countyA.code });
    expect(rows.slice(1).every((r) => r.inherited && r.regionCode === null)).toBe(true);
    // The township inherits the county's row; county B and the top are untouched.
    const town = (await as.townA1.get('/api/deadline-policies')).body.policies;
    expect(town[0]).toMatchObject({ amount: 7, inherited: true, regionName: '甲县' });
    const b = (await as.countyB.get('/api/deadline-policies')).body.policies;
    expect(b.every((r: { regionCode: string | null }) => r.regionCode === null)).toBe(true);
    // Only the top's table must hold every fallback row.
    expect((await as.root.raw('PUT', '/api/deadline-policies', { policies: own })).status).toBe(400);

    const signFor = async (region: WorldRegion) => {
      const c = await as.clerk.post('/api/cases', petitionAt(region), { 'idempotency-key': `policy-${region}` });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      return t.db.tx(systemScope, (trx) =>
        trx
          .selectFrom('assignment_stages')
          .select(['policy', 'allowed_ms'])
          .where('case_id', '=', c.body.id)
          .where('stage', '=', 'sign_for')
          .executeTakeFirstOrThrow(),
      );
    };
    expect((await signFor('townA1')).policy).toMatchObject({ amount: 7, unit: 'calendar_day' });
    expect((await signFor('townB1')).policy).not.toMatchObject({ amount: 7, unit: 'calendar_day' });
    expect((await as.countyA.raw('PUT', '/api/deadline-policies', { policies: [] })).body.policies[0].inherited).toBe(
      true,
    );
  });

  it(`${engineLabel(engine)} issues cards by the nearest jurisdiction's card rules, in the sweep and when a stage is armed`, async () => {
    const top = (await as.countyA.get('/api/card-rules')).body.items;
    expect(top).toHaveLength(1);
    const { regionCode: _c, regionName: _n, inherited, ...rules } = top[0];
    expect(inherited).toBe(true);
    // County A turns blue off: its stages get no blue card; county B keeps the top's rules.
    const noBlue = { ...rules, cards: { ...rules.cards, blue: { passedFraction: null, workingDaysLeft: null } } };
    const put = await as.countyA.raw('PUT', '/api/card-rules', noBlue);
    expect(put.status).toBe(200);
    expect(put.body.items.map((r: { inherited: boolean }) => r.inherited)).toEqual([false, true]);
    expect((await as.townA1.get('/api/card-rules')).body.items[0]).toMatchObject({
      inherited: true,
      regionName: '甲县',
    });
    expect((await as.townA1.delete('/api/card-rules')).status).toBe(404);

    const filed = {} as Record<'townA1' | 'townB1', number>;
    for (const region of ['townA1', 'townB1'] as const) {
      const c = await as.clerk.post('/api/cases', petitionAt(region), { 'idempotency-key': `cards-${region}` });
      filed[region] = c.body.id;
    }
    const armed = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('assignment_stages')
        .select(['case_id', 'next_card_at', 'due_at'])
        .where('case_id', 'in', Object.values(filed))
        .execute(),
    );
    const at = (id: number) => armed.find((r) => Number(r.case_id) === id)!;
    // Armed without blue, county A's stage waits for yellow at its deadline; county B's for blue before it.
    expect(at(filed.townA1).next_card_at?.getTime()).toBe(at(filed.townA1).due_at?.getTime());
    expect(at(filed.townB1).next_card_at!.getTime()).toBeLessThan(at(filed.townB1).due_at!.getTime());

    const { sweepDeadlines } = await import('../../src/app/deadlines/sweep-deadlines.js');
    const dueB = at(filed.townB1).due_at!.getTime();
    clock.set(new Date(dueB - 60_000));
    await sweepDeadlines({ db: t.db, clock });
    const cards = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('cards').select(['case_id', 'colour']).where('case_id', 'in', Object.values(filed)).execute(),
    );
    expect(cards.filter((c) => Number(c.case_id) === filed.townB1).map((c) => c.colour)).toEqual(['blue']);
    expect(cards.filter((c) => Number(c.case_id) === filed.townA1)).toEqual([]);
    clock.set(new Date('2026-03-02T01:00:00Z')); // back inside the sessions' idle time
    const removed = await as.countyA.delete('/api/card-rules');
    expect([removed.status, removed.body?.items?.length], JSON.stringify(removed.body)).toEqual([200, 1]);
  });
});
