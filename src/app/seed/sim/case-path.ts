import type { CaseActionName } from '../../../contract/cases.js';
import type { CaseKind, Complexity } from '../../../core/case/types.js';
import type { Rng } from './prng.js';
import { fill, type Slots, type Topic } from './topic.js';

/** Who takes a step: a handler of the current lead unit or of a named unit, or the county's dispatcher or leader. */
export type Who = { kind: 'lead' } | { kind: 'unit'; unitId: number } | { kind: 'dispatcher' } | { kind: 'leader' };

/** One planned action: how long after the previous one (hours, a range), by whom, with what body (the version is added when it runs). */
export type Step = {
  hours: readonly [number, number];
  who: Who;
  action: CaseActionName;
  body: Record<string, unknown>;
};

/** What the planner knows after intake: the matter, where it landed, and the units it may turn to. */
export type PathFacts = {
  topic: Topic;
  slots: Slots;
  complexity: Complexity;
  status: string;
  centreLevel: number;
  leadLevel: number;
  /** Units a dispatcher may re-dispatch to after a send-back (not the first lead). */
  alternatives: number[];
  /** The township unit that joins joint handling (司法所 or 派出所), when there is one. */
  coUnit: number | undefined;
  countyCentre: number;
};

const lead: Who = { kind: 'lead' };
const dispatcher: Who = { kind: 'dispatcher' };
const leader: Who = { kind: 'leader' };

/**
 * A random but plausible handling path for one case: sometimes a send-back (≈8 %) and re-dispatch,
 * sign-for and handling, sometimes escalation (≈5 % overall) or joint handling, an outcome weighted by
 * the kind of matter, a return visit (satisfied ≈85 %, dissatisfied ≈4 % → reopened and resolved again),
 * and archiving. Steps after the end of the simulated period never run, so recent cases stay open.
 */
export function planPath(rng: Rng, f: PathFacts): Step[] {
  const steps: Step[] = [];
  if (f.status === 'received')
    steps.push({
      hours: [1, 8],
      who: dispatcher,
      action: 'dispatch',
      body: { unitId: f.countyCentre, task: '请县中心研究办理' },
    });
  if (rng.chance(0.08) && f.alternatives.length > 0) {
    const reasonCode = rng.weighted({
      not_responsible: 60,
      insufficient_information: 20,
      outside_region: 10,
      other: 10,
    });
    steps.push({
      hours: [2, 30],
      who: lead,
      action: 'send_back',
      body: { reasonCode, note: sendBackNotes[reasonCode] },
    });
    steps.push({
      hours: [1, 10],
      who: dispatcher,
      action: 'redispatch',
      body: { unitId: rng.pick(f.alternatives), task: '经核实，请你单位承办' },
    });
  }
  steps.push({ hours: rng.chance(0.12) ? [24, 96] : [0.5, 20], who: lead, action: 'sign', body: {} });
  steps.push({
    hours: [1, 30],
    who: lead,
    action: 'start_handling',
    body: { mode: rng.chance(0.7) ? 'on_site' : 'online' },
  });
  if (f.centreLevel >= 4 && f.leadLevel >= 4 && f.topic.kind !== 'petition' && rng.chance(0.28)) {
    steps.push({
      hours: [24, 120],
      who: leader,
      action: 'escalate',
      body: { task: f.centreLevel === 5 ? '村级调处难度大，提级至街道' : '街道调处未果，提级至区中心' },
    });
    steps.push({ hours: [1, 20], who: lead, action: 'sign', body: {} });
    steps.push({ hours: [1, 24], who: lead, action: 'start_handling', body: { mode: 'on_site' } });
  }
  if (f.coUnit && f.topic.kind === 'dispute' && rng.chance(0.12)) {
    steps.push({
      hours: [4, 48],
      who: lead,
      action: 'request_joint',
      body: { leadTask: '牵头调处', coUnits: [{ unitId: f.coUnit, task: '请派员参与联合调处并提供法律意见' }] },
    });
    steps.push({ hours: [1, 24], who: { kind: 'unit', unitId: f.coUnit }, action: 'sign_co_task', body: {} });
    steps.push({
      hours: [24, 120],
      who: { kind: 'unit', unitId: f.coUnit },
      action: 'reply_co_task',
      body: { reply: rng.pick(coReplies) },
    });
  }
  if (rng.chance(0.02)) {
    steps.push({ hours: [24, 72], who: leader, action: 'suspend', body: { reason: '等待司法鉴定结果' } });
    steps.push({ hours: [72, 240], who: lead, action: 'resume', body: { note: '鉴定结果已出，恢复办理' } });
  }
  steps.push({
    hours: resolveHours(f.topic.kind, f.complexity),
    who: lead,
    action: 'resolve',
    body: { outcome: outcome(rng, f) },
  });
  const rating = rng.weighted({ satisfied: 85, basically_satisfied: 11, dissatisfied: 4 });
  steps.push(evaluation(rng, rating));
  if (rating === 'dissatisfied') {
    steps.push({
      hours: [2, 24],
      who: dispatcher,
      action: 'reopen',
      body: { reason: 'dissatisfied', note: '群众对办理结果不满意，重新办理' },
    });
    steps.push({ hours: [48, 168], who: lead, action: 'resolve', body: { outcome: outcome(rng, f, true) } });
    steps.push(evaluation(rng, rng.weighted({ satisfied: 70, basically_satisfied: 30 })));
  }
  steps.push({ hours: [4, 72], who: leader, action: 'close', body: { note: '办结归档' } });
  return steps;
}

const sendBackNotes: Record<string, string> = {
  not_responsible: '该事项不属于本单位职责范围，建议改派',
  insufficient_information: '诉求信息不全，无法联系当事人',
  outside_region: '事发地不在本辖区',
  other: '情况有变，退回中心重新研判',
};
const coReplies = [
  '依据《民法典》相关规定，已向双方释法明理，建议按协议履行。',
  '已派员参与现场调处，当事人情绪稳定。',
  '已出具法律意见，建议双方协商解决或依法诉讼。',
];

/** How long handling takes before an outcome, by the kind of matter (petitions have 60 days). */
function resolveHours(kind: CaseKind, complexity: Complexity): readonly [number, number] {
  if (kind === 'petition') return [10 * 24, 40 * 24];
  if (kind === 'hazard') return [12, 5 * 24];
  const base: readonly [number, number] = kind === 'appeal' ? [12, 6 * 24] : [2 * 24, 8 * 24];
  return complexity === 'general' ? base : [base[0] * 2, base[1] * 2.5];
}

function outcome(rng: Rng, f: PathFacts, again = false): Record<string, unknown> {
  const settled = fill(rng.pick(f.topic.settled), f.slots);
  if (f.topic.kind === 'dispute') {
    const kind = again ? 'mediated' : rng.weighted({ mediated: 70, not_mediated: 27, not_accepted: 3 });
    if (kind === 'mediated')
      return {
        kind,
        agreement: rng.chance(0.7) ? 'written' : 'oral',
        summary: again ? `重新调处后，${settled}` : settled,
      };
    if (kind === 'not_mediated') {
      const guidance = f.topic.category.startsWith('labour')
        ? 'arbitration'
        : rng.chance(0.85)
          ? 'litigation'
          : 'arbitration';
      return {
        kind,
        guidance,
        summary:
          guidance === 'arbitration'
            ? '双方分歧较大调解未成，已引导当事人申请劳动（商事）仲裁。'
            : '双方分歧较大调解未成，已告知当事人依法向人民法院起诉。',
      };
    }
    return { kind: 'not_accepted', reason: '该纠纷已进入诉讼程序，依法不予受理' };
  }
  const notAccepted = f.topic.kind === 'petition' ? 0.12 : 0.03;
  if (!again && rng.chance(notAccepted))
    return {
      kind: 'not_accepted',
      reason:
        f.topic.kind === 'petition'
          ? '该事项已依法作出处理意见，信访人以同一事实和理由重复提出，不予受理'
          : '诉求不属于受理范围，已告知相应途径',
    };
  return { kind: 'answered', summary: settled };
}

function evaluation(rng: Rng, rating: string): Step {
  const note =
    rating === 'dissatisfied' ? '群众认为问题未彻底解决' : rating === 'satisfied' ? '回访满意' : '回访基本满意';
  return {
    hours: [24, 120],
    who: dispatcher,
    action: 'evaluate',
    body: { rating, by: rng.chance(0.35) ? 'resident' : 'staff', note },
  };
}
