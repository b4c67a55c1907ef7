// What the figures need to know about one case, folded from its event log with the same `evolve`
// that moves cases, so a figure can never disagree with the case history it is computed from.
import { activeLead, lastLead } from '../case/assignments.js';
import type { CaseEvent } from '../case/events.js';
import { evolve, initialState } from '../case/evolve.js';
import type { CaseKind, CaseState, Channel, Complexity, Evaluator, OutcomeKind, Rating } from '../case/types.js';

export type Resolution = { at: Date; unitId: number; unitLevel: number; outcome: OutcomeKind };
export type EvaluationFact = { at: Date; rating: Rating; by: Evaluator; afterResolutionAt: Date | null };
export type SendBackFact = { at: Date; unitId: number };
export type ReopenFact = { at: Date; reason: 'dissatisfied' | 'repeat_visit' };

/** One case as the KPI definitions see it; every instant comes from an event. */
export type CaseFacts = {
  caseId: number;
  kind: CaseKind;
  channel: Channel;
  complexity: Complexity;
  categoryCode: string;
  regionPath: string;
  /** The earlier case this one repeats (重复信访), from the intake's repeat matching; null for a first visit. */
  repeatOf: number | null;
  receivedAt: Date;
  firstDispatchedAt: Date | null;
  /** Lead units in the order they received the case (dispatch, re-dispatch, transfer, escalation, redo). */
  leads: number[];
  resolutions: Resolution[];
  evaluations: EvaluationFact[];
  sendBacks: SendBackFact[];
  escalations: Date[];
  reopenings: ReopenFact[];
  /** When the case stopped counting as open: closed or merged into another (null while it is open). */
  endedAt: Date | null;
  mergedAt: Date | null;
};

/** Folds a case's events (in version order, `received` first) into its facts. */
export function caseFacts(events: readonly CaseEvent[], repeatOf: number | null = null): CaseFacts {
  const first = events[0];
  if (first?.type !== 'received') throw new Error('a case history starts with its received event');
  let s: CaseState = { ...initialState(first.data, first.at), version: first.version };
  const f: CaseFacts = {
    caseId: first.data.id,
    kind: first.data.kind,
    channel: first.data.channel,
    complexity: first.data.complexity,
    categoryCode: first.data.categoryCode,
    regionPath: first.data.regionPath,
    repeatOf,
    receivedAt: first.at,
    firstDispatchedAt: null,
    leads: [],
    resolutions: [],
    evaluations: [],
    sendBacks: [],
    escalations: [],
    reopenings: [],
    endedAt: null,
    mergedAt: null,
  };
  for (const e of events.slice(1)) {
    const before = s;
    s = evolve(s, e);
    const lead = activeLead(s);
    switch (e.type) {
      case 'dispatched':
        f.firstDispatchedAt ??= e.at;
        f.leads.push(e.data.unit.unitId);
        break;
      case 'redispatched':
      case 'transferred':
      case 'reopened':
        if (lead) f.leads.push(lead.unitId);
        if (e.type === 'reopened') f.reopenings.push({ at: e.at, reason: e.data.reason });
        break;
      case 'escalated':
        f.escalations.push(e.at);
        if (lead) f.leads.push(lead.unitId);
        break;
      case 'sent_back': {
        const from = before.assignments.find((a) => a.seq === e.data.seq);
        f.sendBacks.push({ at: e.at, unitId: from?.unitId ?? e.actorUnitId });
        break;
      }
      case 'resolved': {
        // The lead that concluded the case: the active one, or the last one if a co-task closed it.
        const by = activeLead(before) ?? lastLead(before);
        f.resolutions.push({
          at: e.at,
          unitId: by?.unitId ?? e.actorUnitId,
          unitLevel: by?.unitLevel ?? 0,
          outcome: e.data.outcome.kind,
        });
        break;
      }
      case 'evaluated':
        f.evaluations.push({
          at: e.at,
          rating: e.data.rating,
          by: e.data.by,
          afterResolutionAt: f.resolutions.at(-1)?.at ?? null,
        });
        break;
      case 'closed':
        f.endedAt = e.at;
        break;
      case 'merged':
        f.endedAt = e.at;
        f.mergedAt = e.at;
        break;
      default:
        break;
    }
  }
  return f;
}

/** The resolution that stood at `asOf`: the last one before it, unless a reopening after it undid it. */
export function standingResolution(f: CaseFacts, asOf: Date): Resolution | undefined {
  const last = f.resolutions.filter((r) => r.at < asOf).at(-1);
  if (!last) return undefined;
  const undone = f.reopenings.some((o) => o.at > last.at && o.at < asOf);
  return undone ? undefined : last;
}
