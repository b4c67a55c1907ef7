import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword, world, type WorldRegion } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import type { Role } from '../../src/contract/common.js';
import { systemScope } from '../../src/storage/db.js';
import { enqueue } from '../../src/storage/outbox.repo.js';
import { client } from '../http-client.js';
import { testDeps } from '../test-deps.js';
import { indicator } from '../scheme-fixtures.js';

/**
 * The outside attack, generated from the OpenAPI document: every role, sitting in township A1 (a grid
 * worker in A1's first grid), against records in every region of the test world — its own, a child,
 * the parents, a sibling township, another county — through every operation.
 *
 * - Every list and detail a role may read is scanned for the markers of records it may not see.
 * - Every operation that names a record (in its path or its body) must answer for a record the caller
 *   may not see exactly as for one that does not exist: same status, same error code, no marker.
 * - Every operation of the document must be classified below, so a new endpoint fails this test until
 *   it says which record it touches.
 */

type Kind =
  | 'region'
  | 'unit'
  | 'user'
  | 'case'
  | 'ext'
  | 'inbox'
  | 'hook'
  | 'deadLetter'
  | 'key'
  | 'rule'
  | 'peerclass'
  | 'scheme';
/** What an operation's path parameter names; or why it names none. */
type Target = Kind | 'list' | 'create' | 'global' | 'self' | 'public';

const operations: Record<string, Target> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'self',
  'POST /api/auth/login/code': 'public',
  'POST /api/auth/2fa/enrolment': 'public',
  'POST /api/auth/2fa/enrolment/confirm': 'public',
  'POST /api/auth/2fa/recovery-codes': 'self',
  'GET /api/me': 'self',
  'GET /api/regions': 'list',
  'POST /api/regions': 'create',
  'GET /api/regions/{code}': 'region',
  'PATCH /api/regions/{code}': 'region',
  'DELETE /api/regions/{code}': 'region',
  'GET /api/regions/{code}/children': 'region',
  'GET /api/unit-types': 'global',
  'GET /api/units': 'list',
  'POST /api/units': 'create',
  'GET /api/units/{id}': 'unit',
  'PATCH /api/units/{id}': 'unit',
  'GET /api/users': 'list',
  'POST /api/users': 'create',
  'GET /api/users/{id}': 'user',
  'PATCH /api/users/{id}': 'user',
  'POST /api/users/{id}/2fa/reset': 'user',
  'GET /api/categories': 'global',
  'POST /api/categories': 'global',
  'PATCH /api/categories/{code}': 'global',
  'GET /api/audit': 'list',
  'GET /api/audit/verify': 'global',
  'POST /api/cases': 'create',
  'GET /api/cases': 'list',
  'GET /api/cases/workbook': 'list',
  'GET /api/cases/{id}': 'case',
  'POST /api/cases/{id}/parties/reveal': 'case',
  'POST /api/dispatch/dry-run': 'create',
  'GET /api/dispatch-rules': 'list',
  'POST /api/dispatch-rules': 'create',
  'PATCH /api/dispatch-rules/{id}': 'rule',
  'DELETE /api/dispatch-rules/{id}': 'rule',
  'GET /api/calendar': 'global',
  'GET /api/calendar/status': 'global',
  'PUT /api/calendar': 'global',
  'PUT /api/calendar/{date}': 'global',
  'GET /api/deadline-policies': 'list',
  'PUT /api/deadline-policies': 'global',
  'GET /api/card-rules': 'list',
  'PUT /api/card-rules': 'global',
  // The caller's own jurisdiction's card rules: the path names no record.
  'DELETE /api/card-rules': 'global',
  'GET /api/supervision/cards': 'list',
  'GET /api/extension-requests': 'list',
  'POST /api/cases/{id}/extension-requests': 'case',
  'POST /api/extension-requests/{id}/decision': 'ext',
  'GET /api/backlog': 'list',
  'GET /api/inbox': 'list',
  'POST /api/inbox/{id}/read': 'inbox',
  'GET /api/webhooks': 'list',
  'POST /api/webhooks': 'create',
  'GET /api/webhooks/dead-letters': 'list',
  'POST /api/webhooks/dead-letters/{id}/retry': 'deadLetter',
  'PATCH /api/webhooks/{id}': 'hook',
  'DELETE /api/webhooks/{id}': 'hook',
  'GET /api/public/form-token': 'public',
  'GET /api/public/categories': 'public',
  'GET /api/public/regions': 'public',
  'POST /api/public/cases': 'public',
  'POST /api/public/track': 'public',
  'POST /api/public/urge': 'public',
  'POST /api/public/evaluate': 'public',
  'GET /api/cases/{id}/urges': 'case',
  'GET /api/kpi': 'list',
  'GET /api/kpi/events': 'list',
  // The path names a KPI definition, not a record; the cases it lists are checked in test/http/kpi.test.ts.
  'GET /api/kpi/{id}/cases': 'global',
  'GET /api/kpi/{id}/breakdown': 'global',
  'GET /api/kpi/workbook': 'list',
  'GET /api/kpi/bulletin': 'list',
  'GET /api/kpi/bulletin/workbook': 'list',
  'GET /api/kpi/{id}/cases/workbook': 'global',
  'GET /api/partner-keys': 'list',
  'POST /api/partner-keys': 'create',
  'POST /api/partner-keys/{id}/revoke': 'key',
  'GET /api/peer-classes': 'list',
  'POST /api/peer-classes': 'create',
  'PATCH /api/peer-classes/{id}': 'peerclass',
  'DELETE /api/peer-classes/{id}': 'peerclass',
  'GET /api/schemes': 'list',
  'POST /api/schemes': 'create',
  'GET /api/schemes/{id}': 'scheme',
  'PATCH /api/schemes/{id}': 'scheme',
  'GET /api/schemes/{id}/scores': 'scheme',
  'POST /api/schemes/{id}/runs': 'scheme',
  // The regions are named in the file's lines: a foreign one is reported as a missing one (test/http/schemes.test.ts).
  'POST /api/indicator-values/import': 'create',
};
// Every case action names its case.
const caseActions = [
  'dispatch',
  'redispatch',
  'sign',
  'start_handling',
  'request_joint',
  'sign_co_task',
  'reply_co_task',
  'close_co_task',
  'escalate',
  'send_back',
  'transfer',
  'suspend',
  'resume',
  'resolve',
  'evaluate',
  'reopen',
  'close',
  'merge',
];
for (const a of caseActions) operations[`POST /api/cases/{id}/actions/${a}`] = 'case';

const oneKpiScheme = { components: [indicator('sat', { kpi: 'satisfaction' }, 100, { name: '满意率' })] };

/** A body that passes validation, so the answer comes from the record lookup and not from the schema. */
function bodyFor(op: string, ref: { unitId: number; regionCode: string }): unknown {
  const action = op.match(/\/actions\/(\w+)$/)?.[1];
  const v = { expectedVersion: 2 };
  if (action) {
    const bodies: Record<string, unknown> = {
      dispatch: { ...v, unitId: ref.unitId },
      redispatch: { ...v, unitId: ref.unitId },
      start_handling: { ...v, mode: 'on_site' },
      request_joint: { ...v, coUnits: [{ unitId: ref.unitId, task: '协助' }] },
      reply_co_task: { ...v, reply: '已办' },
      close_co_task: { ...v, unitId: ref.unitId },
      send_back: { ...v, reasonCode: 'not_responsible', note: '非本单位职责' },
      transfer: { ...v, unitId: ref.unitId, note: '移交' },
      suspend: { ...v, reason: '法院审理中' },
      resolve: { ...v, outcome: { kind: 'answered', summary: '已答复' } },
      evaluate: { ...v, rating: 'satisfied', by: 'staff' },
      reopen: { ...v, reason: 'dissatisfied' },
      merge: { ...v, into: 99_999_999 },
    };
    return bodies[action] ?? v;
  }
  const bodies: Record<string, unknown> = {
    'PATCH /api/regions/{code}': { name: '改名' },
    'PATCH /api/units/{id}': { phone: '025-1234' },
    'PATCH /api/users/{id}': { displayName: '改名' },
    'POST /api/cases/{id}/parties/reveal': { reason: '核实当事人身份' },
    'POST /api/cases/{id}/extension-requests': { stage: 'sign', amount: 1, reason: '需要延期' },
    'POST /api/extension-requests/{id}/decision': { decision: 'refuse', note: null },
    'PATCH /api/dispatch-rules/{id}': { name: '改名' },
    'PATCH /api/webhooks/{id}': { enabled: false },
    'POST /api/units': { typeCode: 'police_station', regionCode: ref.regionCode, name: '新派出所' },
    'POST /api/users': {
      username: 'new-staff',
      displayName: '新人',
      unitId: ref.unitId,
      roles: ['mediator'],
      password: 'a-long-password-1',
    },
    'POST /api/cases': {
      kind: 'appeal',
      channel: 'walk_in',
      title: '新诉求',
      description: '反映问题',
      categoryCode: 'other',
      regionCode: ref.regionCode,
    },
    'POST /api/dispatch/dry-run': {
      kind: 'appeal',
      categoryCode: 'other',
      channel: 'walk_in',
      regionCode: ref.regionCode,
    },
    'POST /api/partner-keys': { name: '热线', channel: 'hotline', regionCode: ref.regionCode },
    'POST /api/peer-classes': { regionCode: ref.regionCode, level: 7, name: '新类' },
    'PATCH /api/peer-classes/{id}': { name: '改名' },
    'POST /api/schemes': { regionCode: ref.regionCode, year: 2026, name: '新方案', definition: oneKpiScheme },
    'PATCH /api/schemes/{id}': { name: '改名' },
    'POST /api/schemes/{id}/runs': { period: 'month', date: '2026-03-01' },
    'POST /api/indicator-values/import': {
      csv: `indicator,region,period,date,value\ncrime_per_10k,${ref.regionCode},month,2026-03-01,1`,
    },
  };
  return bodies[op] ?? {};
}

const roles: Role[] = ['admin', 'security', 'auditor', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'];
const regions = Object.keys(world) as WorldRegion[];
const mark = (kind: string, r: WorldRegion) => `zzmark-${kind}-${world[r].code}`;
const markerRe = /zzmark-([a-zA-Z]+)-(\d+)/g;
// Units and dispatch rules of the parents may be named to those below them (a case's holder, an
// inherited rule); every other record of a parent region is as foreign as a sibling's.
const visibleFromBelow = new Set(['unit', 'rule']);

describe.each(engines)('foreign records through every operation %s', { timeout: 240_000 }, (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let paths: Record<WorldRegion, string>;
  let ops: [string, string, Target][] = [];
  const ids = {} as Record<Kind, Partial<Record<WorldRegion, number | string>>>;
  const scopeOf = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    paths = await seedWorld(t.db);
    app = createApp(testDeps(t.db));
    for (const k of [
      'region',
      'unit',
      'user',
      'case',
      'ext',
      'inbox',
      'hook',
      'deadLetter',
      'key',
      'rule',
      'peerclass',
      'scheme',
    ] as Kind[])
      ids[k] = {};
    const unitAt = {} as Record<WorldRegion, number>;
    for (const r of regions) {
      ids.region[r] = world[r].code;
      unitAt[r] = await makeUnit(t.db, r);
      ids.unit[r] = await makeUnit(t.db, r, 'police_station');
      await t.db.tx(systemScope, (trx) =>
        trx
          .updateTable('units')
          .set({ name: mark('unit', r) })
          .where('id', '=', ids.unit[r] as number)
          .execute(),
      );
      ids.user[r] = await makeUser(t.db, mark('user', r), unitAt[r], ['mediator']);
      await makeUser(t.db, `admin-${world[r].code}`, unitAt[r], ['admin']);
    }
    for (const role of roles) {
      const grid = role === 'gridworker' ? world.gridA1.code : undefined;
      await makeUser(t.db, `u-${role}`, role === 'gridworker' ? unitAt.villageA1 : unitAt.townA1, [role], grid);
      scopeOf[role] = role === 'gridworker' ? paths.gridA1 : paths.townA1;
    }
    await makeUser(t.db, 'city-clerk', unitAt.city, ['clerk']);
    const clerk = client(app);
    await clerk.login('city-clerk', testPassword);
    for (const r of regions.filter((x) => x !== 'province')) {
      const res = await clerk.post(
        '/api/cases',
        {
          kind: 'petition',
          channel: 'letter',
          title: mark('case', r),
          description: mark('case', r),
          categoryCode: 'other',
          regionCode: world[r].code,
        },
        { 'idempotency-key': `foreign-${world[r].code}` },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.case[r] = res.body.id;
    }
    for (const r of regions) {
      const admin = client(app);
      expect((await admin.login(`admin-${world[r].code}`, testPassword)).status).toBe(200);
      const hook = await admin.post('/api/webhooks', {
        url: `https://hooks.example.org/${mark('hook', r)}`,
        topics: ['card.issued'],
      });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);
      ids.hook[r] = hook.body.id;
      const key = await admin.post('/api/partner-keys', {
        name: mark('key', r),
        channel: 'hotline',
        regionCode: world[r].code,
      });
      expect(key.status, JSON.stringify(key.body)).toBe(201);
      ids.key[r] = key.body.id;
      const peers = await admin.post('/api/peer-classes', {
        regionCode: world[r].code,
        level: world[r].level + 1,
        name: mark('peerclass', r),
      });
      expect(peers.status, JSON.stringify(peers.body)).toBe(201);
      ids.peerclass[r] = peers.body.id;
      const scheme = await admin.post('/api/schemes', {
        regionCode: world[r].code,
        year: 2026,
        name: mark('scheme', r),
        definition: oneKpiScheme,
      });
      expect(scheme.status, JSON.stringify(scheme.body)).toBe(201);
      ids.scheme[r] = scheme.body.id;
      // Each jurisdiction's own dispatch rule (the root's is the top's, inherited by everyone).
      const rule = await admin.post('/api/dispatch-rules', {
        name: mark('rule', r),
        kind: 'hazard',
        targetUnitType: 'service_centre',
        targetLevel: 3,
      });
      expect(rule.status, JSON.stringify(rule.body)).toBe(201);
      ids.rule[r] = rule.body.id;
    }
    // Records only the system makes: an extension request on each case's running stage, an in-app
    // message for each region's staff member, a dead letter for each region's webhook.
    await t.db.tx(systemScope, async (trx) => {
      for (const r of regions) {
        const caseId = ids.case[r] as number | undefined;
        if (caseId) {
          const stage = await trx
            .selectFrom('assignment_stages')
            .selectAll()
            .where('case_id', '=', caseId)
            .executeTakeFirstOrThrow();
          const ext = await trx
            .insertInto('extension_requests')
            .values({
              case_id: caseId,
              seq: stage.seq,
              stage: stage.stage,
              unit_id: stage.unit_id,
              unit_level: stage.unit_level,
              unit_path: stage.unit_path,
              region_path: stage.region_path,
              requested_by: ids.user[r] as number,
              requested_at: new Date(),
              amount: 1,
              unit: 'working_day',
              reason: mark('ext', r),
              status: 'requested',
              due_before: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          ids.ext[r] = ext.id;
        }
        await enqueue(
          trx,
          [
            {
              topic: 'card.issued',
              channel: 'webhook',
              webhookId: ids.hook[r] as number,
              payload: { caseId, note: mark('deadLetter', r) },
              idempotencyKey: `foreign-dead-${r}`,
              regionPath: paths[r],
            },
          ],
          new Date(),
        );
        const outbox = await trx
          .updateTable('outbox')
          .set({ attempts: 5, dead_at: new Date(), last_error: 'HTTP 500' })
          .where('idempotency_key', '=', `foreign-dead-${r}`)
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.deadLetter[r] = outbox.id;
        const inbox = await trx
          .insertInto('inbox_messages')
          .values({
            user_id: ids.user[r] as number,
            outbox_id: outbox.id,
            topic: 'card.issued',
            title: mark('inbox', r),
            body: mark('inbox', r),
            data: JSON.stringify({}),
            created_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.inbox[r] = inbox.id;
      }
    });
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, object> };
    ops = Object.entries(doc.paths).flatMap(([p, byMethod]) =>
      Object.keys(byMethod).map(
        (m) => [m.toUpperCase(), p, operations[`${m.toUpperCase()} ${p}`]!] as [string, string, Target],
      ),
    );
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} classifies every operation of the OpenAPI document`, () => {
    const unclassified = ops.filter(([, , target]) => target === undefined).map(([m, p]) => `${m} ${p}`);
    expect(unclassified, 'add each to `operations` in test/http/foreign-records.test.ts').toEqual([]);
    expect(ops.length).toBeGreaterThan(60);
  });

  const relation = (role: Role, r: WorldRegion) =>
    paths[r].startsWith(scopeOf[role]) ? 'inside' : scopeOf[role].startsWith(paths[r]) ? 'above' : 'foreign';
  const hidden = (role: Role, kind: string, r: WorldRegion) =>
    relation(role, r) === 'foreign' || (relation(role, r) === 'above' && !visibleFromBelow.has(kind));
  const leaks = (role: Role, text: string) =>
    [...text.matchAll(markerRe)]
      .map(([m, kind, code]) => [m, kind!, regions.find((r) => world[r].code === code)!] as const)
      .filter(([, kind, r]) => hidden(role, kind, r))
      .map(([m]) => m);

  for (const role of roles) {
    it(`${engineLabel(engine)} ${role}: no list or detail shows a record outside the jurisdiction`, async () => {
      const c = client(app);
      expect((await c.login(`u-${role}`, testPassword)).status).toBe(200);
      const seen: string[] = [];
      for (const [method, p, target] of ops) {
        if (method !== 'GET' || target === 'public') continue;
        const urls = p.includes('{')
          ? regions
              .filter((r) => !hidden(role, target, r) && ids[target as Kind]?.[r] !== undefined)
              .map((r) => p.replace(/\{\w+\}/, String(ids[target as Kind][r])))
          : [`${p}?pageSize=200`, p];
        for (const url of urls) {
          const res = await c.get(url);
          if (res.status >= 500) seen.push(`${url}: ${res.status}`);
          seen.push(...leaks(role, JSON.stringify(res.body)).map((m) => `${url} shows ${m}`));
        }
      }
      expect(seen).toEqual([]);
    });

    it(`${engineLabel(engine)} ${role}: a record outside the jurisdiction answers as one that does not exist`, async () => {
      const c = client(app);
      await c.login(`u-${role}`, testPassword);
      const differences: string[] = [];
      const ownUnit = { unitId: ids.unit.townA1 as number, regionCode: world.townA1.code };
      const answer = async (method: string, url: string, body: unknown) => {
        const res = await c.raw(method, url, method === 'GET' ? undefined : body);
        return { text: `${res.status} ${res.body?.error?.code ?? ''}`, body: JSON.stringify(res.body ?? null) };
      };
      for (const [method, p, target] of ops) {
        const op = `${method} ${p}`;
        if (target === 'create') {
          // The record is named in the body: a foreign unit or region answers as a missing one.
          const missing = await answer(method, p, bodyFor(op, { unitId: 99_999_999, regionCode: '329999999' }));
          for (const r of regions.filter((x) => relation(role, x) === 'foreign')) {
            const got = await answer(
              method,
              p,
              bodyFor(op, { unitId: ids.unit[r] as number, regionCode: world[r].code }),
            );
            if (got.text !== missing.text) differences.push(`${op} naming ${r}: ${got.text}, missing: ${missing.text}`);
          }
          continue;
        }
        if (!(target in ids)) continue;
        const kind = target as Kind;
        const missingId = kind === 'region' ? '329999999' : '99999999';
        // Case actions name a unit too: one the caller may see, so only the case decides the answer.
        const body = bodyFor(op, ownUnit);
        const missing = await answer(method, p.replace(/\{\w+\}/, missingId), body);
        for (const r of regions.filter((x) => hidden(role, kind, x) && ids[kind][x] !== undefined)) {
          const got = await answer(method, p.replace(/\{\w+\}/, String(ids[kind][r])), body);
          if (got.text !== missing.text) differences.push(`${op} on ${r}: ${got.text}, missing: ${missing.text}`);
          const shown = leaks(role, got.body);
          if (shown.length) differences.push(`${op} on ${r} shows ${shown.join(', ')}`);
        }
      }
      // Names in action bodies: a foreign unit as a dispatch, transfer or joint target answers as a missing one.
      const own = ids.case.townA1 as number;
      for (const a of ['dispatch', 'redispatch', 'request_joint', 'transfer', 'close_co_task']) {
        const p = `/api/cases/${own}/actions/${a}`;
        const missing = await answer(
          'POST',
          p,
          bodyFor(`POST /x/actions/${a}`, { unitId: 99_999_999, regionCode: '' }),
        );
        for (const r of regions.filter((x) => relation(role, x) === 'foreign')) {
          const got = await answer(
            'POST',
            p,
            bodyFor(`POST /x/actions/${a}`, { unitId: ids.unit[r] as number, regionCode: '' }),
          );
          if (got.text !== missing.text)
            differences.push(`${a} naming ${r}'s unit: ${got.text}, missing: ${missing.text}`);
        }
      }
      expect(differences).toEqual([]);
    });
  }
});
