import type { Deps } from '../deps.js';
import type { Ctx } from '../context.js';
import type { Actor } from '../../core/auth/actor.js';
import type { CaseDetail } from '../../contract/cases.js';
import { manualClock } from '../../core/clock.js';
import { isDomainError } from '../../core/errors.js';
import { submitCase } from '../cases/submit-case.js';
import { systemScope } from '../../storage/db.js';
import { findByIdempotencyKey } from '../../storage/cases.repo.js';
import { actOnCase } from '../cases/act-on-case.js';
import { deriveSeed, mulberry32, type Rng } from './sim/prng.js';
import { loadWorld, type SimWorld } from './sim/world.js';
import { SimStaff } from './sim/staff.js';
import { planIntake, type PlannedIntake } from './sim/intake.js';
import { planPath, type Step, type Who } from './sim/case-path.js';
import { EventQueue } from './sim/queue.js';
import { after, officeTime } from './sim/office-hours.js';

export type GenerateCasesOptions = {
  count: number;
  days: number;
  /** A county or a region below it; the configured demo county when absent. */
  regionCode?: string;
  seed: number;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Stops between steps when aborted (the server shutting down); what was made stays, consistent. */
  signal?: AbortSignal;
};

export type GenerateCasesResult = {
  /** Cases submitted now; `skipped` ones were made by an earlier run with the same seed. */
  submitted: number;
  skipped: number;
  actions: number;
  byAction: Record<string, number>;
  failures: { index: number; action: string; code: string; message: string }[];
  caseIds: number[];
  from: Date;
  to: Date;
};

/** One simulated case: its random stream, its planned steps and where it stands. */
type Agent = {
  rng: Rng;
  caseId?: number;
  version: number;
  lead?: number;
  plan?: PlannedIntake;
  steps: Step[];
  next: number;
};

const day = 86_400_000;

/**
 * Generates `count` cases over the last `days` days by driving the real use cases (submitCase,
 * actOnCase) under a simulated clock that walks forward from `days` ago to now, so every history is
 * a real one. Reproducible from `seed`; a second run with the same seed finds its cases and skips them.
 */
export async function generateCases(deps: Deps, opts: GenerateCasesOptions): Promise<GenerateCasesResult> {
  const end = deps.clock.now().getTime();
  const start = end - opts.days * day;
  const clock = manualClock(new Date(start));
  const sim: Deps = { ...deps, clock };
  const world = await loadWorld(sim, opts.regionCode ?? deps.config.demoCounty);
  const run = new Run(sim, world, opts, clock);
  const queue = new EventQueue();
  for (let i = 0; i < opts.count; i++) {
    const agent: Agent = { rng: mulberry32(deriveSeed(opts.seed, 'case', i)), version: 0, steps: [], next: 0 };
    run.agents.push(agent);
    queue.push(arrival(agent.rng, start, end), i);
  }
  for (let item = queue.pop(); item && !opts.signal?.aborted; item = queue.pop()) {
    clock.set(new Date(item.at));
    // PGlite runs each query on this thread and its promises resolve without touching the event
    // loop, so a tight loop of steps would starve HTTP requests; let pending I/O in between.
    await new Promise((resolve) => setImmediate(resolve));
    const next = await run.advance(item.idx);
    if (next !== undefined && next <= end) queue.push(next, item.idx);
  }
  opts.onProgress?.({ done: opts.count, total: opts.count });
  return { ...run.result, from: new Date(start), to: new Date(end) };
}

/** An arrival time in the period, on a working day and in office hours more often than not. */
function arrival(rng: Rng, start: number, end: number): number {
  const t = officeTime(rng, start + rng.next() * (end - start));
  return t <= end ? t : end - rng.int(1, 180) * 60_000;
}

/** The state of one generation run: the agents, the staff they act as, and the tallies. */
class Run {
  readonly agents: Agent[] = [];
  readonly result: Omit<GenerateCasesResult, 'from' | 'to'> = {
    submitted: 0,
    skipped: 0,
    actions: 0,
    byAction: {},
    failures: [],
    caseIds: [],
  };
  private readonly staff: SimStaff;
  private readonly countyCentre: number;
  private intakes = 0;

  constructor(
    private readonly deps: Deps,
    private readonly world: SimWorld,
    private readonly opts: GenerateCasesOptions,
    private readonly clock: { now(): Date },
  ) {
    this.staff = new SimStaff(deps, opts.seed);
    this.countyCentre = world.unitAt(world.countyCode, 'service_centre')!;
  }

  /** Takes the agent's next step at the clock's time; returns when its following step is due, if any. */
  async advance(idx: number): Promise<number | undefined> {
    const agent = this.agents[idx]!;
    const intake = agent.caseId === undefined;
    const action = intake ? 'submit' : agent.steps[agent.next]!.action;
    try {
      const detail = intake ? await this.intake(idx, agent) : await this.act(idx, agent);
      if (!detail) return undefined;
      agent.version = detail.version;
      this.result.byAction[action] = (this.result.byAction[action] ?? 0) + 1;
      const step = agent.steps[agent.next];
      return step ? after(agent.rng, this.clock.now().getTime(), step.hours) : undefined;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      this.result.failures.push({ index: idx, action, code: e.code, message: e.message });
      return undefined;
    } finally {
      if (intake) this.opts.onProgress?.({ done: ++this.intakes, total: this.opts.count });
    }
  }

  private ctx(idx: number, actor: Actor): Ctx {
    return { deps: this.deps, actor, requestId: `seed-cases:${this.opts.seed}:${idx}` };
  }

  private async intake(idx: number, agent: Agent): Promise<CaseDetail | undefined> {
    const plan = planIntake(agent.rng, this.world, this.clock.now());
    const actor = await this.registrar(plan);
    const key = `seed-cases-${this.opts.seed}-${idx}`;
    if (await this.deps.db.tx(systemScope, (trx) => findByIdempotencyKey(trx, `user:${actor.userId}`, key))) {
      this.result.skipped++;
      return undefined;
    }
    const detail = await submitCase(this.ctx(idx, actor), plan.input, key);
    this.result.submitted++;
    this.result.caseIds.push(detail.id);
    agent.caseId = detail.id;
    agent.lead = detail.leadUnit?.id;
    agent.plan = plan;
    agent.steps = planPath(agent.rng, this.facts(plan, detail));
    return detail;
  }

  private async act(idx: number, agent: Agent): Promise<CaseDetail> {
    const step = agent.steps[agent.next++]!;
    const actor = await this.who(step.who, agent);
    const detail = await actOnCase(this.ctx(idx, actor), agent.caseId!, step.action, {
      ...step.body,
      expectedVersion: agent.version,
    } as never);
    this.result.actions++;
    agent.lead = detail.leadUnit?.id;
    return detail;
  }

  private async registrar(plan: PlannedIntake): Promise<Actor> {
    const r = plan.registrar;
    const station = r.kind === 'gridworker' ? this.world.unitAt(r.place.village, 'service_centre') : undefined;
    if (r.kind === 'gridworker' && station)
      return this.staff.gridworker(station, { code: r.place.code, path: r.place.path });
    const town = r.kind === 'town_clerk' ? this.world.unitAt(r.town, 'service_centre') : undefined;
    if (town) return this.staff.clerk(town);
    return r.kind === 'hotline' ? this.staff.hotline(this.countyCentre) : this.staff.clerk(this.countyCentre);
  }

  private who(who: Who, agent: Agent): Promise<Actor> {
    if (who.kind === 'dispatcher' || who.kind === 'leader') return this.staff.centre(this.countyCentre, who.kind);
    return this.staff.handler(who.kind === 'unit' ? who.unitId : agent.lead!);
  }

  private facts(plan: PlannedIntake, d: CaseDetail) {
    const { town, village } = plan.place;
    const lead = d.leadUnit?.id;
    const alternatives = [
      this.world.unitAt(town, 'service_centre'),
      this.world.unitAt(town, 'mediation_committee'),
      this.world.unitAt(village, 'service_centre'),
    ].filter((u): u is number => u !== undefined && u !== lead);
    const coType =
      plan.topic.category === 'traffic' || plan.topic.category === 'neighbour_noise'
        ? 'police_station'
        : 'justice_office';
    const co = this.world.unitAt(town, coType);
    return {
      topic: plan.topic,
      slots: plan.slots,
      complexity: plan.input.complexity,
      status: d.status,
      centreLevel: d.centre.level,
      leadLevel: d.leadUnit?.level ?? 0,
      alternatives,
      coUnit: co !== lead ? co : undefined,
      countyCentre: this.countyCentre,
    };
  }
}
