// Signals of gaming (DESIGN.md "honesty rules"): patterns that could inflate a figure, computed over the
// same facts and shown beside the figures they could inflate, each with the cases behind it.
import { type KpiDefinition, kpiDefinition } from './definitions.js';
import type { KpiInput, Member } from './inputs.js';
import { type Period, within } from './period.js';

const DAY_MS = 86_400_000;
/** A resolution undone within this many days looks like a clock reset (close and reopen to restart it). */
export const CLOCK_RESET_DAYS = 30;
/** An evaluation recorded this soon after the resolution was hardly a return visit. */
export const INSTANT_EVALUATION_MINUTES = 10;

export type SignalDefinition = Omit<KpiDefinition, 'kind'> & {
  /** The figures this signal could inflate. */
  inflates: readonly string[];
};

export const SIGNAL_DEFINITIONS: readonly SignalDefinition[] = [
  {
    id: 'clock_reset',
    zh: '办结后 30 日内重开',
    en: 'Reopened within 30 days of resolution',
    inflates: ['resolve_on_time', 'handling_days', 'resolved'],
    numerator: `of those, cases reopened within ${CLOCK_RESET_DAYS} days after that resolution`,
    denominator: 'cases resolved in the period',
    periodRule: 'the instant of the resolution',
    excludes: 'nothing',
    measure: (input, p) => {
      const resolved = input.facts.flatMap((f) => f.resolutions.filter((r) => within(p, r.at)).map((r) => ({ f, r })));
      const member = ({ f }: (typeof resolved)[number]): Member => ({ caseId: f.caseId });
      const reset = resolved.filter(({ f, r }) =>
        f.reopenings.some(
          (o) => o.at > r.at && o.at.getTime() - r.at.getTime() <= CLOCK_RESET_DAYS * DAY_MS && o.at < input.asOf,
        ),
      );
      return { denominator: dedupe(resolved.map(member)), numerator: dedupe(reset.map(member)) };
    },
  },
  {
    id: 'staff_evaluations',
    zh: '工作人员代评价',
    en: 'Evaluations recorded by staff',
    inflates: ['satisfaction', 'return_visit'],
    numerator: 'of those, cases whose last evaluation in the period was recorded by staff rather than by the resident',
    denominator: 'cases evaluated in the period',
    periodRule: 'the instant of the evaluation',
    excludes: 'nothing',
    measure: (input, p) => lastEvaluations(input, p, (e) => e.by === 'staff'),
  },
  {
    id: 'instant_evaluations',
    zh: '办结即评价',
    en: 'Evaluations within minutes of resolution',
    inflates: ['satisfaction', 'return_visit'],
    numerator: `of those, cases whose last evaluation came within ${INSTANT_EVALUATION_MINUTES} minutes of the resolution`,
    denominator: 'cases evaluated in the period',
    periodRule: 'the instant of the evaluation',
    excludes: 'nothing',
    measure: (input, p) =>
      lastEvaluations(
        input,
        p,
        (e) =>
          e.afterResolutionAt !== null &&
          e.at.getTime() - e.afterResolutionAt.getTime() <= INSTANT_EVALUATION_MINUTES * 60_000,
      ),
  },
  {
    id: 'send_back_ping_pong',
    zh: '往返退回',
    en: 'Send-back ping-pong',
    inflates: ['sign_on_time', 'send_back'],
    numerator: 'of those, cases that went back to a unit that had already sent them back (A → B → A)',
    denominator: 'cases sent back in the period',
    periodRule: 'the instant of the send-back',
    excludes: 'nothing',
    measure: (input, p) => {
      const sent = input.facts.filter((f) => f.sendBacks.some((b) => within(p, b.at)));
      const pingPong = sent.filter((f) => {
        const refusers = new Set(f.sendBacks.filter((b) => b.at < input.asOf).map((b) => b.unitId));
        // A unit that refused the case and was then given it again: the case bounced between units.
        return f.leads.some((u, i) => refusers.has(u) && f.leads.indexOf(u) < i);
      });
      return {
        denominator: sent.map((f) => ({ caseId: f.caseId })),
        numerator: pingPong.map((f) => ({ caseId: f.caseId })),
      };
    },
  },
  {
    id: 'self_approved_extensions',
    zh: '本单位审批延期',
    en: 'Extensions approved by the requesting unit',
    inflates: ['resolve_on_time', 'sign_on_time'],
    numerator: 'of those, extensions decided by a leader of the requesting unit itself rather than of the level above',
    denominator: 'extensions approved in the period',
    periodRule: 'the instant of the decision',
    excludes: 'refused extensions: they moved no deadline',
    measure: (input, p) => {
      const approved = input.extensions.filter((x) => x.approved && x.decidedAt && within(p, x.decidedAt));
      return {
        denominator: approved.map((x) => ({ caseId: x.caseId })),
        numerator: approved.filter((x) => x.deciderUnitId === x.requestingUnitId).map((x) => ({ caseId: x.caseId })),
      };
    },
  },
];

function lastEvaluations(
  input: KpiInput,
  p: Period,
  hit: (e: KpiInput['facts'][number]['evaluations'][number]) => boolean,
): { denominator: Member[]; numerator: Member[] } {
  const rated = input.facts.flatMap((f) => {
    const e = f.evaluations.filter((x) => within(p, x.at)).at(-1);
    return e ? [{ caseId: f.caseId, e }] : [];
  });
  return {
    denominator: rated.map(({ caseId }) => ({ caseId })),
    numerator: rated.filter(({ e }) => hit(e)).map(({ caseId }) => ({ caseId })),
  };
}

function dedupe(members: Member[]): Member[] {
  const seen = new Set<number>();
  return members.filter((m) => !seen.has(m.caseId) && seen.add(m.caseId));
}

/** The signals shown beside a figure: those that could inflate it. */
export const signalsFor = (kpiId: string): SignalDefinition[] =>
  kpiDefinition(kpiId) ? SIGNAL_DEFINITIONS.filter((s) => s.inflates.includes(kpiId)) : [];
