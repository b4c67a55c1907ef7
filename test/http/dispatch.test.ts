import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { createApp } from '../../src/http/app.js';
import { seedOnFirstStart } from '../../src/app/seed/seed-on-first-start.js';
import { seedReference } from '../../src/app/seed/seed-reference.js';
import { defaultDispatchRules } from '../../src/storage/seed/dispatch-rules.js';
import { countDispatchRules } from '../../src/storage/dispatch-rules.repo.js';
import { systemScope } from '../../src/storage/db.js';
import { manualClock } from '../../src/core/clock.js';
import type { DryRunInput } from '../../src/contract/dispatch.js';
import { client } from '../http-client.js';
import { testDeps } from '../test-deps.js';

type Facts = Omit<DryRunInput, 'regionCode'>;
const f = (
  kind: Facts['kind'],
  categoryCode: string,
  complexity: Facts['complexity'] = 'general',
  crossRegion = false,
): Facts => ({ kind, categoryCode, complexity, channel: 'grid', crossRegion });

/** For every seeded rule, a case that it is the first to match. A new default rule needs a line here. */
const caseFor: Record<string, Facts> = {
  '市级统筹：疑难复杂跨区域事项': f('dispute', 'neighbour', 'special', true),
  '县级兜底：跨区域事项': f('dispute', 'neighbour', 'general', true),
  '县级终点站：疑难复杂事项': f('dispute', 'family', 'special'),
  '县信访局：信访事项': f('petition', 'other'),
  '县人社局：劳资纠纷': f('dispute', 'labour_wage_arrears'),
  '县住建局：征地拆迁': f('dispute', 'land_expropriation', 'major'),
  '县生态环境局：环境污染': f('appeal', 'environment'),
  '县交警大队：交通事故': f('dispute', 'traffic'),
  '乡镇主阵地：土地承包': f('dispute', 'land_contract'),
  '乡镇主阵地：安全隐患': f('hazard', 'hazard_fire'),
  '乡镇主阵地：重大矛盾纠纷': f('dispute', 'medical', 'major'),
  '村级前沿：邻里纠纷': f('dispute', 'neighbour_noise'),
  '村级前沿：婚姻家庭': f('dispute', 'family_marriage'),
  '村级前沿：物业纠纷': f('appeal', 'property_mgmt'),
  '村级前沿：其他一般矛盾纠纷': f('dispute', 'consumer'),
  '乡镇主阵地：群众诉求': f('appeal', 'public_service'),
};

describe.each(engines.map((e) => [engineLabel(e), e] as const))('dispatch rules and dry-run %s', (_, engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let password: string;
  const place = { township: '', village: '', grid: '', otherVillage: '' };

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db, { clock: manualClock(new Date('2026-03-02T01:00:00Z')) });
    await seedOnFirstStart(deps);
    password = deps.config.demoPassword;
    app = createApp(deps);
    await t.db.tx(systemScope, async (trx) => {
      const villages = await trx
        .selectFrom('regions')
        .select(['code', 'parent_code'])
        .where('level', '=', 5)
        .orderBy('code')
        .limit(2)
        .execute();
      place.village = villages[0]!.code;
      place.otherVillage = villages[1]!.code;
      place.township = villages[0]!.parent_code!;
      place.grid = (
        await trx
          .selectFrom('regions')
          .select('code')
          .where('parent_code', '=', place.village)
          .orderBy('code')
          .executeTakeFirstOrThrow()
      ).code;
    });
  });
  afterAll(() => t.drop());

  const as = async (username: string) => {
    const c = client(app);
    expect((await c.login(username, password)).status).toBe(200);
    return c;
  };
  const dryRun = async (c: ReturnType<typeof client>, facts: Facts, regionCode = place.grid) =>
    c.post('/api/dispatch/dry-run', { ...facts, regionCode });

  it(`${engineLabel(engine)} seeds the default rules once, in order`, async () => {
    const rules = (await (await as('dispatcher')).get('/api/dispatch-rules')).body;
    expect(rules.map((r: { name: string }) => r.name)).toEqual(defaultDispatchRules.map((r) => r.name));
    expect(rules.map((r: { position: number }) => r.position)).toEqual(rules.map((_: unknown, i: number) => i + 1));
    await t.db.tx(systemScope, (trx) => seedReference(trx));
    expect(await t.db.tx(systemScope, (trx) => countDispatchRules(trx))).toBe(defaultDispatchRules.length);
  });

  it(`${engineLabel(engine)} explains the route of a case for every seeded rule`, async () => {
    const c = await as('gridworker');
    const rules = (await c.get('/api/dispatch-rules')).body as {
      id: number;
      name: string;
      targetUnitType: string;
      targetLevel: number;
    }[];
    expect(Object.keys(caseFor).sort()).toEqual(rules.map((r) => r.name).sort());
    for (const rule of rules) {
      const res = await dryRun(c, caseFor[rule.name]!);
      expect(res.status, rule.name).toBe(200);
      expect(res.body.rule?.id, rule.name).toBe(rule.id);
      expect(res.body.via, rule.name).toBe('target');
      expect([res.body.unit.typeCode, res.body.unit.regionLevel], rule.name).toEqual([
        rule.targetUnitType,
        rule.targetLevel,
      ]);
      const head = `规则 ${rule.id}「${rule.name}」：`;
      expect(res.body.explanation.zh.slice(0, head.length)).toBe(head);
      expect(res.body.explanation.zh.endsWith(` → ${res.body.unit.name}`), res.body.explanation.zh).toBe(true);
      expect(res.body.explanation.en).toContain(`rule ${rule.id} "${rule.name}": `);
      if (process.env.SHOW_DISPATCH) console.info(res.body.explanation.zh, '|', res.body.explanation.en);
    }
  });

  it(`${engineLabel(engine)} routes a neighbour dispute to the village mediation committee and explains the fallback when it is missing`, async () => {
    const admin = await as('admin');
    const direct = await dryRun(admin, caseFor['村级前沿：邻里纠纷']!);
    expect(direct.body.unit.name).toMatch(/人民调解委员会$/);
    expect(direct.body.unit.regionCode).toBe(place.village);
    await admin.patch(`/api/units/${direct.body.unit.id}`, { disabled: true });
    try {
      const res = await dryRun(admin, caseFor['村级前沿：邻里纠纷']!);
      expect(res.status).toBe(200);
      expect(res.body.via).toBe('climb');
      expect(res.body.unit.regionCode).toBe(place.township);
      expect(res.body.explanation.zh).toContain(
        `${direct.body.steps[0].regionName}未设人民调解委员会，按回退「逐级上移」 → ${res.body.unit.name}`,
      );
      expect(res.body.explanation.en).toContain(
        `no People's mediation committee at ${direct.body.steps[0].regionName}; fallback "climb"`,
      );
    } finally {
      expect((await admin.patch(`/api/units/${direct.body.unit.id}`, { disabled: false })).status).toBe(200);
    }
    const atTownship = await dryRun(admin, caseFor['村级前沿：邻里纠纷']!, place.township);
    expect(atTownship.body.via).toBe('climb');
    expect(atTownship.body.explanation.zh).toContain('案件所在区域不到村社区级');
  });

  it(`${engineLabel(engine)} follows a rule an administrator puts at the top, and stops when it is disabled, moved or removed`, async () => {
    const admin = await as('admin');
    const before = (await admin.get('/api/dispatch-rules')).body as { id: number }[];
    const created = await admin.post('/api/dispatch-rules', {
      name: '试行：邻里纠纷交司法所',
      categoryCode: 'neighbour',
      targetUnitType: 'justice_office',
      targetLevel: 4,
      fallback: 'service_centre',
      position: 1,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const order = async () => (await admin.get('/api/dispatch-rules')).body as { id: number; position: number }[];
    expect((await order()).map((r) => r.id)).toEqual([id, ...before.map((r) => r.id)]);
    const routed = await dryRun(admin, caseFor['村级前沿：邻里纠纷']!);
    expect([routed.body.rule.id, routed.body.unit.typeCode, routed.body.via]).toEqual([id, 'justice_office', 'target']);
    expect(routed.body.explanation.zh).toBe(
      `规则 ${id}「试行：邻里纠纷交司法所」：邻里纠纷 → ${routed.body.unit.name}`,
    );

    expect((await admin.patch(`/api/dispatch-rules/${id}`, { enabled: false })).body.enabled).toBe(false);
    expect((await dryRun(admin, caseFor['村级前沿：邻里纠纷']!)).body.rule.name).toBe('村级前沿：邻里纠纷');
    // The county administrator's rules come before the inherited ones, whatever their positions; a
    // position orders the rules of one jurisdiction.
    const other = await admin.post('/api/dispatch-rules', {
      name: '试行：物业纠纷交司法所',
      categoryCode: 'property_mgmt',
      targetUnitType: 'justice_office',
      targetLevel: 4,
      position: 1,
    });
    expect((await order()).map((r) => r.id)).toEqual([other.body.id, id, ...before.map((r) => r.id)]);
    const moved = await admin.patch(`/api/dispatch-rules/${id}`, { enabled: true, position: 999 });
    expect(moved.body.position).toBe(2);
    expect((await admin.patch(`/api/dispatch-rules/${id}`, { position: 1 })).body.position).toBe(1);
    expect((await order()).map((r) => r.id)).toEqual([id, other.body.id, ...before.map((r) => r.id)]);
    expect((await dryRun(admin, caseFor['村级前沿：邻里纠纷']!)).body.rule.id).toBe(id);
    expect((await admin.delete(`/api/dispatch-rules/${other.body.id}`)).status).toBe(204);

    expect((await admin.delete(`/api/dispatch-rules/${id}`)).status).toBe(204);
    expect((await admin.delete(`/api/dispatch-rules/${id}`)).status).toBe(404);
    expect((await order()).map((r) => r.id)).toEqual(before.map((r) => r.id));
    const audit = (await (await as('auditor')).get('/api/audit?action=dispatch_rule.create&pageSize=5')).body;
    expect(audit.items.map((r: { target: string }) => r.target)).toContain(`dispatch_rule:${id}`);
  });

  it(`${engineLabel(engine)} refuses rules that name an unknown category or unit type`, async () => {
    const admin = await as('admin');
    const bad = { name: '错误', targetUnitType: 'justice_office', targetLevel: 4 };
    expect((await admin.post('/api/dispatch-rules', { ...bad, categoryCode: 'no_such' })).status).toBe(400);
    expect((await admin.post('/api/dispatch-rules', { ...bad, targetUnitType: 'no_such' })).status).toBe(400);
    expect((await admin.post('/api/dispatch-rules', { ...bad, targetLevel: 6 })).status).toBe(400);
    expect((await admin.patch('/api/dispatch-rules/999999', { enabled: false })).status).toBe(404);
    expect((await dryRun(admin, f('dispute', 'no_such'))).status).toBe(400);
    expect((await admin.post('/api/dispatch-rules', { ...bad, name: 'a\u0000b' })).status).toBe(400);
  });

  it(`${engineLabel(engine)} lets only the administrator edit rules, and not the auditor read them`, async () => {
    const someRule = ((await (await as('admin')).get('/api/dispatch-rules')).body as { id: number }[])[0]!.id;
    for (const username of ['security', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader']) {
      const c = await as(username);
      expect((await c.get('/api/dispatch-rules')).status, username).toBe(200);
      expect(
        (await c.post('/api/dispatch-rules', { name: 'x', targetUnitType: 'service_centre', targetLevel: 3 })).status,
        username,
      ).toBe(403);
      expect((await c.patch(`/api/dispatch-rules/${someRule}`, { enabled: false })).status, username).toBe(403);
      expect((await c.delete(`/api/dispatch-rules/${someRule}`)).status, username).toBe(403);
    }
    const auditor = await as('auditor');
    expect((await auditor.get('/api/dispatch-rules')).status).toBe(403);
    expect((await dryRun(auditor, caseFor['村级前沿：邻里纠纷']!)).status).toBe(403);
  });

  it(`${engineLabel(engine)} dry-runs only inside the caller's jurisdiction`, async () => {
    const gridworker = await as('gridworker');
    expect((await dryRun(gridworker, caseFor['村级前沿：邻里纠纷']!, place.otherVillage)).status).toBe(404);
    expect((await dryRun(gridworker, caseFor['村级前沿：邻里纠纷']!, '320115')).status).toBe(404);
    expect((await dryRun(await as('dispatcher'), caseFor['村级前沿：邻里纠纷']!, place.otherVillage)).status).toBe(200);
  });

  it(`${engineLabel(engine)} answers 300 generated malformed rule and dry-run requests without a 5xx`, async () => {
    const admin = await as('admin');
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('', '\u0000', '-1', '9'.repeat(40), 'neighbour', 'service_centre', '320114'),
    );
    const value = fc.oneof(
      text,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const body = fc.record(
      {
        name: value,
        kind: value,
        categoryCode: value,
        complexity: value,
        channel: value,
        crossRegion: value,
        targetUnitType: value,
        targetLevel: value,
        fallback: value,
        enabled: value,
        position: value,
        regionCode: value,
      },
      { requiredKeys: [] },
    );
    // Mostly valid requests with one field spoiled, so that some reach the database.
    const valid = {
      name: '规则',
      kind: 'dispute',
      categoryCode: 'neighbour',
      targetUnitType: 'justice_office',
      targetLevel: 4,
      channel: 'grid',
      regionCode: place.grid,
    };
    const spoiled = fc.tuple(fc.constantFrom(...Object.keys(valid)), value).map(([k, v]) => ({ ...valid, [k]: v }));
    const request = fc.record({
      method: fc.constantFrom(
        'POST /api/dispatch/dry-run',
        'POST /api/dispatch-rules',
        'PATCH /api/dispatch-rules/:x',
        'DELETE /api/dispatch-rules/:x',
      ),
      id: fc.oneof(
        fc.constantFrom('999999', '0', '-1', '1e309', '9'.repeat(30), 'x'),
        text.map((x) => encodeURIComponent(x) || 'x'),
      ),
      body: fc.oneof(body, spoiled),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const [method, template] = r.method.split(' ') as [string, string];
        const res = await admin.raw(method, template.replace(':x', r.id), r.body);
        expect(res.status, `${r.method} ${r.id} ${JSON.stringify(r.body).slice(0, 120)}`).toBeLessThan(500);
      }),
      { numRuns: 300, seed: 20260302 },
    );
  });
});
