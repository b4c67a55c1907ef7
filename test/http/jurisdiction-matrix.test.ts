import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, petitionAt, seedWorld, testPassword, world, type WorldRegion } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { can, type Permission } from '../../src/core/auth/permissions.js';
import type { Role } from '../../src/contract/common.js';
import { regionScope, systemScope } from '../../src/storage/db.js';
import { getUnit, listUnits, updateUnit } from '../../src/storage/units.repo.js';
import { getUser, listUsers } from '../../src/storage/users.repo.js';
import { findRegion, searchUnder } from '../../src/storage/region-tree.repo.js';
import { readCaseState } from '../../src/storage/cases.repo.js';
import { insertWebhook, listWebhooks } from '../../src/storage/notifications.repo.js';
import { enqueue, listDeadLetters, markFailed } from '../../src/storage/outbox.repo.js';
import { client } from '../http-client.js';
import { testDeps } from '../test-deps.js';

const roles: Role[] = ['admin', 'security', 'auditor', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'];
const targets = Object.keys(world) as WorldRegion[];
// Cases are registered by a city clerk, so everywhere but the province itself.
const caseTargets = targets.filter((r) => r !== 'province');

/**
 * For every role, sitting in township A1 (a grid worker: in A1's first grid), and every region of
 * the test world — its own, a child, the parent, a sibling, another branch — every endpoint must
 * show and change only what lies inside the jurisdiction, and answer 404 for the rest.
 */
describe.each(engines)('jurisdiction matrix %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let paths: Record<WorldRegion, string>;
  const unitAt = {} as Record<WorldRegion, number>;
  const staffAt = {} as Record<WorldRegion, number>;
  const scopeOf = {} as Record<Role, string>;
  const caseAt = {} as Record<WorldRegion, number>;
  const unitOf = {} as Record<Role, number>;
  // Per region: a webhook its administrator registered, a second one to delete, and two dead letters
  // of the first (one to retry, one that stays dead).
  const hookAt = {} as Record<WorldRegion, number>;
  const spareHookAt = {} as Record<WorldRegion, number>;
  const deadAt = {} as Record<WorldRegion, number>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    paths = await seedWorld(t.db);
    for (const r of targets) {
      unitAt[r] = await makeUnit(t.db, r);
      staffAt[r] = await makeUser(t.db, `staff-${world[r].code}`, unitAt[r], ['mediator']);
    }
    for (const role of roles) {
      const grid = role === 'gridworker' ? world.gridA1.code : undefined;
      await makeUser(t.db, `u-${role}`, role === 'gridworker' ? unitAt.villageA1 : unitAt.townA1, [role], grid);
      scopeOf[role] = role === 'gridworker' ? paths.gridA1 : paths.townA1;
      unitOf[role] = role === 'gridworker' ? unitAt.villageA1 : unitAt.townA1;
    }
    app = createApp(testDeps(t.db));
    await t.db.tx(systemScope, async (trx) => {
      for (const r of targets) {
        const hook = { url: `https://hooks.example.gov.cn/${r}`, secret: 's'.repeat(20), topics: ['*'], enabled: true };
        hookAt[r] = await insertWebhook(trx, { ...hook, at: new Date(), regionPath: paths[r] });
        spareHookAt[r] = await insertWebhook(trx, { ...hook, at: new Date(), regionPath: paths[r] });
        const letters = [0, 1].map((n) => ({
          topic: 'case.cluster',
          channel: 'webhook' as const,
          webhookId: hookAt[r],
          payload: { id: `matrix-${r}-${n}`, data: { region: r } },
          idempotencyKey: `matrix-${r}-${n}#webhook:${hookAt[r]}`,
          regionPath: paths[r],
        }));
        await enqueue(trx, letters, new Date());
        const ids = await trx
          .selectFrom('outbox')
          .select('id')
          .where('webhook_id', '=', hookAt[r])
          .orderBy('id')
          .execute();
        for (const { id } of ids) await markFailed(trx, Number(id), 'receiver answered 500', { deadAt: new Date() });
        deadAt[r] = Number(ids[0]!.id);
      }
    });
    // A petition in every region, registered by a city clerk; petitions go to county or city centres,
    // so no unit of the township under test holds one and visibility is by region alone.
    await makeUser(t.db, 'city-clerk', unitAt.city, ['clerk']);
    const clerk = client(app);
    await clerk.login('city-clerk', testPassword);
    for (const r of caseTargets) {
      const res = await clerk.post('/api/cases', petitionAt(r), { 'idempotency-key': `matrix-${r}-000` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      caseAt[r] = res.body.id;
    }
  });
  afterAll(() => t.drop());

  const inside = (role: Role, r: WorldRegion) => paths[r].startsWith(scopeOf[role]);
  const expected = (role: Role, perm: Permission, r: WorldRegion, ok: number) =>
    !can([role], perm) ? 403 : inside(role, r) ? ok : 404;

  for (const role of roles) {
    it(`${engineLabel(engine)} ${role}: reads and writes by record`, async () => {
      const c = client(app);
      expect((await c.login(`u-${role}`, testPassword)).status).toBe(200);
      const seen: string[] = [];
      const check = async (label: string, r: WorldRegion, status: number, want: number) => {
        seen.push(`${label} ${r}: ${status}`);
        expect(`${label} ${r}: ${status}`).toBe(`${label} ${r}: ${want}`);
      };
      for (const r of targets) {
        const code = world[r].code;
        await check(
          'GET region',
          r,
          (await c.get(`/api/regions/${code}`)).status,
          expected(role, 'region.read', r, 200),
        );
        await check(
          'GET children',
          r,
          (await c.get(`/api/regions/${code}/children`)).status,
          expected(role, 'region.read', r, 200),
        );
        await check(
          'PATCH region',
          r,
          (await c.patch(`/api/regions/${code}`, { name: world[r].name })).status,
          expected(role, 'region.write', r, 200),
        );
        await check(
          'GET units?region',
          r,
          (await c.get(`/api/units?region=${code}`)).status,
          expected(role, 'unit.read', r, 200),
        );
        await check(
          'GET unit',
          r,
          (await c.get(`/api/units/${unitAt[r]}`)).status,
          expected(role, 'unit.read', r, 200),
        );
        await check(
          'PATCH unit',
          r,
          (await c.patch(`/api/units/${unitAt[r]}`, { phone: '025-1234' })).status,
          expected(role, 'unit.write', r, 200),
        );
        await check(
          'POST unit',
          r,
          (await c.post('/api/units', { typeCode: 'police_station', regionCode: code, name: `所 ${role}` })).status,
          expected(role, 'unit.write', r, 201),
        );
        await check(
          'GET user',
          r,
          (await c.get(`/api/users/${staffAt[r]}`)).status,
          expected(role, 'user.read', r, 200),
        );
        await check(
          'PATCH user',
          r,
          (await c.patch(`/api/users/${staffAt[r]}`, { displayName: `staff ${code}` })).status,
          expected(role, 'user.write', r, 200),
        );
        await check(
          'PATCH webhook',
          r,
          (await c.patch(`/api/webhooks/${hookAt[r]}`, { enabled: true })).status,
          expected(role, 'webhook.manage', r, 200),
        );
        await check(
          'DELETE webhook',
          r,
          (await c.delete(`/api/webhooks/${spareHookAt[r]}`)).status,
          expected(role, 'webhook.manage', r, 204),
        );
        await check(
          'POST dead letter retry',
          r,
          (await c.post(`/api/webhooks/dead-letters/${deadAt[r]}/retry`)).status,
          expected(role, 'webhook.manage', r, 204),
        );
        await check(
          'POST user 2fa reset',
          r,
          (await c.post(`/api/users/${staffAt[r]}/2fa/reset`)).status,
          expected(role, 'user.write', r, 204),
        );
      }
      for (const r of caseTargets) {
        await check(
          'GET case',
          r,
          (await c.get(`/api/cases/${caseAt[r]}`)).status,
          expected(role, 'case.read', r, 200),
        );
        await check(
          'POST case action',
          r,
          (await c.post(`/api/cases/${caseAt[r]}/actions/sign`, { expectedVersion: 1 })).status,
          !can([role], 'case.act') ? 403 : inside(role, r) ? 409 : 404,
        );
      }
      expect(seen.length).toBe(targets.length * 13 + caseTargets.length * 2);
    });

    it(`${engineLabel(engine)} ${role}: lists never contain foreign rows`, async () => {
      const c = client(app);
      await c.login(`u-${role}`, testPassword);
      const lists = [
        ['/api/regions?pageSize=200', 'region.read', (x: any) => x.path],
        ['/api/regions?q=%E7%94%B2&pageSize=200', 'region.read', (x: any) => x.path],
        [
          '/api/units?pageSize=200',
          'unit.read',
          (x: any) => paths[targets.find((r) => world[r].code === x.regionCode)!],
        ],
        [
          '/api/users?pageSize=200',
          'user.read',
          (x: any) => (x.gridCode ? paths.gridA1 : paths[targets.find((r) => unitAt[r] === x.unitId)!]),
        ],
        [
          '/api/cases?pageSize=200',
          'case.read',
          (x: any) => paths[targets.find((r) => world[r].code === x.regionCode)!],
        ],
        ['/api/webhooks', 'webhook.manage', (x: any) => x.regionPath],
        [
          '/api/webhooks/dead-letters?pageSize=200',
          'webhook.manage',
          (x: any) => paths[x.payload.data.region as WorldRegion],
        ],
      ] as const;
      for (const [url, perm, pathOf] of lists) {
        const res = await c.get(url);
        if (!can([role], perm)) {
          expect(res.status).toBe(403);
          continue;
        }
        expect(res.status).toBe(200);
        const items = Array.isArray(res.body) ? res.body : res.body.items;
        // A township's lists are never empty, so the check below cannot pass vacuously there.
        if (role !== 'gridworker') expect(items.length).toBeGreaterThan(0);
        for (const item of items) expect(pathOf(item)).toMatch(new RegExp(`^${scopeOf[role]}`));
      }
    });

    it(`${engineLabel(engine)} ${role}: the same holds by row-level security alone`, async () => {
      await t.db
        .tx(regionScope(scopeOf[role], unitOf[role]), async (trx) => {
          for (const r of caseTargets)
            expect([r, (await readCaseState(trx, caseAt[r])) !== undefined]).toEqual([r, inside(role, r)]);
          const cases = await trx.selectFrom('cases').select('region_path').execute();
          expect(cases.every((x) => x.region_path.startsWith(scopeOf[role]))).toBe(true);
          for (const r of targets) {
            expect([r, (await findRegion(trx, world[r].code)) !== undefined]).toEqual([r, inside(role, r)]);
            expect([r, (await getUnit(trx, unitAt[r])) !== undefined]).toEqual([r, inside(role, r)]);
            expect([r, (await getUser(trx, staffAt[r])) !== undefined]).toEqual([r, inside(role, r)]);
            expect([r, await updateUnit(trx, unitAt[r], { phone: 'x' })]).toEqual([r, inside(role, r)]);
          }
          // No path filter given: only RLS stands between these queries and foreign rows.
          const units = await listUnits(trx, {}, 1, 500);
          const users = await listUsers(trx, {}, 1, 500);
          const regions = await searchUnder(trx, '', undefined, undefined, 1, 500);
          const webhooks = await listWebhooks(trx, '');
          const deadLetters = await listDeadLetters(trx, '', 500, 0);
          for (const r of targets) expect([r, webhooks.some((w) => w.id === hookAt[r])]).toEqual([r, inside(role, r)]);
          for (const p of [
            ...webhooks.map((w) => w.regionPath),
            ...deadLetters.rows.map((d) => d.region_path ?? 'none'),
            ...units.items.map((u) => u.regionPath),
            ...users.items.map((u) => u.scopePath),
            ...regions.items.map((g) => g.path),
          ]) {
            expect(p.startsWith(scopeOf[role])).toBe(true);
          }
          expect(regions.total).toBe(targets.filter((r) => inside(role, r)).length);
          throw new RollbackSignal();
        })
        .catch((e) => {
          if (!(e instanceof RollbackSignal)) throw e;
        });
    });
  }
});

class RollbackSignal extends Error {}
