import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { seedDemoWorld } from '../demo-world.js';
import { testPassword } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { statusFor } from '../../src/http/error-map.js';
import { client } from '../http-client.js';
import { testDeps } from '../test-deps.js';
import { brokenBody, validValue, type Known, type OpenApiDoc, type Schema } from './hostile-requests.js';

type Client = ReturnType<typeof client>;
type Res = Awaited<ReturnType<Client['get']>>;

const actors = ['admin', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader', 'townhandler', 'justice'] as const;
type ActorName = (typeof actors)[number];
const passwordOf = (a: ActorName) => (a === 'townhandler' || a === 'justice' ? testPassword : 'civicgrid-demo');

/** What the sequence has learnt so far: the records it made, the keys it used, who is signed in. */
type Model = {
  cases: number[];
  keys: Map<string, number>;
  units: number[];
  categories: string[];
  signedIn: Record<ActorName, boolean>;
};
/** The app, a client per actor, and observers (own sessions) that read state before and after each step. */
type Real = { as: Record<ActorName, Client>; leader: Client; admin: Client; doc: OpenApiDoc; known: Known };

const codes = new Set(Object.keys(statusFor));
/** Outcomes by step kind and status, to show (and check) that the sequences did real work. */
const outcomes = new Map<string, number>();
const tally = (step: string, res: Res) => {
  const key = `${step} ${res.status}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
};
/** Every response of every step: never a 5xx; a refusal always has a code from the table and a message. */
function answered(res: Res, what: string): Res {
  expect(res.status, `${what} → ${String(JSON.stringify(res.body)).slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(codes.has(res.body?.error?.code), `${what}: code ${res.body?.error?.code}`).toBe(true);
    expect(typeof res.body.error.message, what).toBe('string');
  }
  return res;
}
const ok = (res: Res) => res.status >= 200 && res.status < 300;
const sampleOf = <T>(arb: fc.Arbitrary<T>, seed: number): T => fc.sample(arb, { numRuns: 1, seed })[0]!;

/** A case as the observer sees it: what an action may change. */
const caseState = async (r: Real, id: number) => {
  const res = answered(await r.leader.get(`/api/cases/${id}`), `observe case ${id}`);
  expect(res.status).toBe(200);
  const b = res.body;
  return { version: b.version, status: b.status, events: b.timeline.length, assignments: b.assignments.length, b };
};
const total = async (c: Client, path: string) => {
  const res = answered(await c.get(`${path}?pageSize=1`), `count ${path}`);
  expect(res.status).toBe(200);
  return res.body.total as number;
};

class SubmitCase implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: ActorName,
    readonly key: number,
    readonly broken: boolean,
    readonly seed: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const before = await total(r.leader, '/api/cases');
    const input = {
      kind: 'dispute',
      channel: this.actor === 'gridworker' ? 'grid' : 'walk_in',
      title: `邻里纠纷 ${this.seed}`,
      description: '楼上夜间噪音，协商未果。',
      categoryCode: 'neighbour_noise',
      regionCode: r.known.grid![0],
      parties: [{ role: 'applicant', name: '王芳', phone: '13812345678' }],
    };
    const body = this.broken ? sampleOf(brokenBody(input), this.seed) : JSON.stringify(input);
    const key = `${this.actor}:fuzz-key-${this.key}`;
    const res = answered(
      await r.as[this.actor].raw('POST', '/api/cases', body, { 'idempotency-key': `fuzz-key-${this.key}` }),
      this.toString(),
    );
    tally(`submit${m.keys.has(key) ? ' (reused key)' : ''}${this.broken ? ' (broken)' : ''}`, res);
    const after = await total(r.leader, '/api/cases');
    if (ok(res) && m.keys.has(key)) {
      // A retry with the same key answers the first case and files nothing.
      expect(res.body.id).toBe(m.keys.get(key));
      expect(after).toBe(before);
    } else if (ok(res)) {
      expect(after).toBe(before + 1);
      expect(res.body.version).toBe(res.body.timeline.length);
      m.cases.push(res.body.id);
      m.keys.set(key, res.body.id);
    } else expect(after, 'a refused intake files nothing').toBe(before);
  }
  toString = () => `SubmitCase(${this.actor}, key ${this.key}${this.broken ? ', broken' : ''}, ${this.seed})`;
}

class ActOnCase implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: ActorName,
    readonly pick: number,
    readonly action: number,
    readonly offered: boolean,
    readonly versionDelta: number,
    readonly broken: boolean,
    readonly seed: number,
  ) {}
  check = (m: Readonly<Model>) => m.cases.length > 0;
  async run(m: Model, r: Real) {
    const id = m.cases[this.pick % m.cases.length]!;
    const before = await caseState(r, id);
    // Offered: the first actor (from this one on) whose view of the case offers actions, and one of those.
    let who: ActorName = this.actor;
    let offeredActions: string[] = [];
    const order = this.offered
      ? [...actors.slice(actors.indexOf(this.actor)), ...actors.slice(0, actors.indexOf(this.actor))]
      : [this.actor];
    for (const a of order) {
      const view = answered(await r.as[a].get(`/api/cases/${id}`), `${this} reads as ${a}`);
      offeredActions = ok(view) ? view.body.availableActions : [];
      who = a;
      if (offeredActions.length) break;
    }
    if (!offeredActions.length) who = this.actor;
    const all = Object.keys(r.doc.paths).flatMap((p) => p.match(/^\/api\/cases\/\{id\}\/actions\/(\w+)$/)?.[1] ?? []);
    const pool = this.offered && offeredActions.length ? offeredActions : all;
    const action = pool[this.action % pool.length]!;
    const path = `/api/cases/{id}/actions/${action}`;
    const schema = r.doc.paths[path]!.post!.requestBody!.content['application/json']!.schema as Schema;
    const input = {
      ...(sampleOf(validValue(r.doc, schema, r.known), this.seed) as object),
      expectedVersion: before.version + this.versionDelta,
    };
    const body = this.broken ? sampleOf(brokenBody(input), this.seed) : JSON.stringify(input);
    const res = answered(
      await r.as[who].raw('POST', `/api/cases/${id}/actions/${action}`, body),
      `${this} ${action} as ${who}`,
    );
    tally(`${action}${this.versionDelta === 0 ? '' : ' (wrong version)'}${this.broken ? ' (broken)' : ''}`, res);
    const after = await caseState(r, id);
    if (ok(res)) {
      if (!this.broken) expect(this.versionDelta, 'only the current version may act').toBe(0);
      // One action, one version per event it wrote (an owed escalation may follow it in the same transaction).
      expect(after.version).toBeGreaterThan(before.version);
      expect(after.events - before.events).toBe(after.version - before.version);
      expect(after.b.timeline.map((e: { version: number }) => e.version)).toEqual(
        Array.from({ length: after.events }, (_, i) => i + 1),
      );
      expect(res.body.version).toBe(after.version);
    } else {
      // A refusal, a stale version included, changes nothing.
      expect({ ...after, b: undefined }).toEqual({ ...before, b: undefined });
    }
  }
  toString = () =>
    `ActOnCase(${this.actor}, case #${this.pick}, action #${this.action}${this.offered ? ' offered' : ''}, version ${this.versionDelta >= 0 ? '+' : ''}${this.versionDelta}${this.broken ? ', broken' : ''}, ${this.seed})`;
}

/** Units and categories: a PATCH that answers 2xx shows its change, one that does not leaves the record alone. */
class PatchRecord implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly resource: 'units' | 'categories',
    readonly actor: ActorName,
    readonly pick: number,
    readonly variant: 'valid' | 'empty' | 'broken',
    readonly seed: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const key =
      this.resource === 'units' ? m.units[this.pick % m.units.length] : m.categories[this.pick % m.categories.length];
    const read = async () => {
      const res = answered(
        await r.admin.get(this.resource === 'units' ? `/api/units/${key}` : '/api/categories'),
        `read ${this.resource}`,
      );
      return this.resource === 'units' ? res.body : res.body.find((c: { code: string }) => c.code === key);
    };
    const before = await read();
    const change =
      this.resource === 'units'
        ? { name: `单位 ${this.seed}`, phone: `025-${String(this.seed).padStart(8, '0').slice(-8)}` }
        : { nameEn: `Category ${this.seed}`, sort: this.seed % 10_000 };
    const body =
      this.variant === 'empty'
        ? '{}'
        : this.variant === 'broken'
          ? sampleOf(brokenBody(change), this.seed)
          : JSON.stringify(change);
    const res = answered(await r.as[this.actor].raw('PATCH', `/api/${this.resource}/${key}`, body), this.toString());
    tally(`patch ${this.resource} (${this.variant})`, res);
    const after = await read();
    if (this.variant === 'empty' && res.status !== 401 && res.status !== 403) {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/nothing to change/);
    }
    if (ok(res) && this.variant === 'valid') expect(after).toMatchObject(change);
    if (!ok(res)) expect(after, 'a refused PATCH changes nothing').toEqual(before);
  }
  toString = () => `Patch(${this.resource}, ${this.actor}, #${this.pick}, ${this.variant}, ${this.seed})`;
}

class CreateRecord implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly resource: 'units' | 'categories',
    readonly actor: ActorName,
    readonly broken: boolean,
    readonly seed: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const count = async () =>
      this.resource === 'units' ? total(r.admin, '/api/units') : (await r.admin.get('/api/categories')).body.length;
    const before = await count();
    const input =
      this.resource === 'units'
        ? { typeCode: 'justice_office', regionCode: r.known.township![0], name: `司法所 ${this.seed}` }
        : { code: `fz_${this.seed % 50}`, nameZh: `分类 ${this.seed}`, nameEn: `Category ${this.seed}` };
    const body = this.broken ? sampleOf(brokenBody(input), this.seed) : JSON.stringify(input);
    const res = answered(await r.as[this.actor].raw('POST', `/api/${this.resource}`, body), this.toString());
    tally(`create ${this.resource}${this.broken ? ' (broken)' : ''}`, res);
    const after = await count();
    if (ok(res)) {
      expect(after).toBe(before + 1);
      if (this.resource === 'units') m.units.push(res.body.id);
      else m.categories.push(res.body.code);
    } else expect(after, 'a refused create adds nothing').toBe(before);
  }
  toString = () => `Create(${this.resource}, ${this.actor}${this.broken ? ', broken' : ''}, ${this.seed})`;
}

class ListCases implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: ActorName,
    readonly query: Record<string, string>,
  ) {}
  check = () => true;
  async run(_m: Model, r: Real) {
    const qs = new URLSearchParams(this.query).toString();
    const res = answered(await r.as[this.actor].get(`/api/cases?${qs}`), this.toString());
    tally('list cases', res);
    if (!ok(res)) return;
    expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
    for (const item of res.body.items) {
      if (this.query.status) expect(item.status).toBe(this.query.status);
      if (this.query.kind) expect(item.kind).toBe(this.query.kind);
    }
  }
  toString = () => `ListCases(${this.actor}, ${JSON.stringify(this.query)})`;
}

class SignOut implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actor: ActorName) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const res = answered(await r.as[this.actor].post('/api/auth/logout'), this.toString());
    expect(res.status).toBe(m.signedIn[this.actor] ? 204 : 401);
    expect((await r.as[this.actor].get('/api/me')).status).toBe(401);
    m.signedIn[this.actor] = false;
  }
  toString = () => `SignOut(${this.actor})`;
}

class SignIn implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: ActorName,
    readonly rightPassword: boolean,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const password = this.rightPassword ? passwordOf(this.actor) : 'wrong-password-1';
    const res = answered(await r.as[this.actor].login(this.actor, password), this.toString());
    expect(res.status).toBe(this.rightPassword ? 200 : 401);
    if (this.rightPassword) m.signedIn[this.actor] = true;
    // A wrong password leaves a session the client already has as it was.
    expect((await r.as[this.actor].get('/api/me')).status).toBe(m.signedIn[this.actor] ? 200 : 401);
  }
  toString = () => `SignIn(${this.actor}${this.rightPassword ? '' : ', wrong password'})`;
}

const actor = fc.constantFrom(...actors);
/** Configuration is the administrator's: mostly them, sometimes anyone (who must be refused). */
const configurer = fc.oneof({ arbitrary: fc.constant<ActorName>('admin'), weight: 3 }, { arbitrary: actor, weight: 1 });
const seed = fc.nat({ max: 1_000_000 });
/** Three times in four, and one time in five. */
const often = fc.nat({ max: 3 }).map((n) => n > 0);
const seldom = fc.nat({ max: 4 }).map((n) => n === 0);
const commands = [
  fc.tuple(actor, fc.nat({ max: 4 }), seldom, seed).map(([a, k, b, s]) => new SubmitCase(a, k, b, s)),
  // Acting on cases is most of the work: several entries give it the weight.
  ...[1, 2, 3, 4, 5, 6].map(() =>
    fc
      .tuple(actor, fc.nat(), fc.nat(), often, fc.constantFrom(0, 0, 0, -1, 1), seldom, seed)
      .map(([a, p, n, offered, d, broken, s]) => new ActOnCase(a, p, n, offered, d, broken, s)),
  ),
  fc
    .tuple(
      fc.constantFrom('units', 'categories' as const),
      configurer,
      fc.nat(),
      fc.constantFrom('valid', 'valid', 'empty', 'broken' as const),
      seed,
    )
    .map(([res, a, p, v, s]) => new PatchRecord(res, a, p, v, s)),
  fc
    .tuple(fc.constantFrom('units', 'categories' as const), configurer, seldom, seed)
    .map(([res, a, b, s]) => new CreateRecord(res, a, b, s)),
  fc
    .tuple(
      actor,
      fc.record(
        {
          status: fc.constantFrom('dispatched', 'signed', 'in_progress', 'resolved', 'closed', 'bogus'),
          kind: fc.constantFrom('dispute', 'dispute', 'appeal', '%00'),
          q: fc.constantFrom('纠纷', '纠纷', '噪音', 'a\u0000b', ''),
          receivedFrom: fc.constantFrom('2026-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z'),
          page: fc.constantFrom('1', '2', '0', '100001'),
        },
        { requiredKeys: [] },
      ),
    )
    .map(([a, q]) => new ListCases(a, q)),
  actor.map((a) => new SignOut(a)),
  ...[1, 2].map(() => fc.tuple(actor, often).map(([a, right]) => new SignIn(a, right))),
];

/**
 * Sequences of valid and invalid requests against one app (fast-check's model-based testing):
 * filing cases with fresh and reused keys, acting on them with right and wrong versions and
 * actions, creating and patching units and categories, listing with filters, signing in and out.
 * After every step: no 5xx, every refusal in the error format with a code from the table, and the
 * state the step may change checked by an observer (a version moves by one per event; a refusal
 * changes nothing; a reused key files nothing).
 */
describe.each(engines)('sequences of requests %s', (engine) => {
  let t: TestDb;
  let real: Real;
  let model: Model;

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db, {
      env: { CIVICGRID_LOGIN_MAX_FAILURES: '1000000', CIVICGRID_SESSION_IDLE_MINUTES: '100000' },
    });
    const world = await seedDemoWorld(deps);
    const app = createApp(deps);
    const as = Object.fromEntries(actors.map((a) => [a, client(app)])) as Record<ActorName, Client>;
    for (const a of actors) expect((await as[a].login(a, passwordOf(a))).status).toBe(200);
    const leader = client(app);
    const admin = client(app);
    expect((await leader.login('leader', 'civicgrid-demo')).status).toBe(200);
    expect((await admin.login('admin', 'civicgrid-demo')).status).toBe(200);
    const doc = (await (await app.request('/api/openapi.json')).json()) as OpenApiDoc;
    const units = Object.values(world.units);
    real = {
      as,
      leader,
      admin,
      doc,
      known: {
        grid: [world.codes.grid],
        township: [world.codes.township],
        unitId: units,
        summary: ['双方达成调解协议。'],
        reason: ['情况需要说明理由。'],
        into: [1, 2, 3],
      },
    };
    model = {
      cases: [],
      keys: new Map(),
      units,
      categories: ['family_marriage', 'neighbour_noise', 'neighbour_leak'],
      signedIn: Object.fromEntries(actors.map((a) => [a, true])) as Record<ActorName, boolean>,
    };
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} keeps its invariants over generated sequences of requests`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: 'max' }), (cmds) =>
        // The app's state carries over from run to run; so does the model of it. Each run starts signed in.
        fc.asyncModelRun(async () => {
          for (const a of actors) if (!model.signedIn[a]) await new SignIn(a, true).run(model, real);
          return { model, real };
        }, cmds),
      ),
      { numRuns: 12, seed: 20261202, endOnFailure: true },
    );
    const seen = [...outcomes].sort(([a], [b]) => a.localeCompare(b));
    console.info(`${engineLabel(engine)} steps by outcome: ${seen.map(([k, n]) => `${k}: ${n}`).join('; ')}`);
    // The sequences must have done real work, not only been refused: cases filed and moved on.
    expect(model.cases.length).toBeGreaterThan(3);
    const moved = seen.filter(([k]) => !k.includes('(') && / 200$/.test(k) && !/^(list|patch|create)/.test(k));
    expect(moved.reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(10);
  }, 300_000);
});
