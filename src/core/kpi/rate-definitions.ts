// The rates of the catalogue: each a share of cases (or assignments) with its written definition.
import {
  before,
  caseMember,
  type KpiDefinition,
  LEVEL_TOWNSHIP,
  rateOver,
  receivedIn,
  resolvedIn,
} from './measure-kit.js';
import type { CaseFacts, Resolution } from './case-facts.js';
import type { Member } from './inputs.js';
import { within } from './period.js';

export const RATE_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'sign_on_time',
    kind: 'rate',
    zh: '按时签收率',
    en: 'Signed for on time',
    numerator: 'assignments signed for (the sign-for stage completed) no later than their sign-for deadline',
    denominator: 'assignments whose sign-for deadline falls in the period',
    periodRule: 'the sign-for deadline (an approved extension moves it)',
    excludes: 'stages suspended at the deadline (the clock stops while suspended, so they have no deadline)',
    measure: (input, p) => {
      const due = input.stages.filter((s) => s.stage === 'sign_for' && s.dueAt && within(p, s.dueAt));
      const member = (s: (typeof due)[number]): Member => ({ caseId: s.caseId, seq: s.seq });
      return {
        denominator: due.map(member),
        numerator: due
          .filter((s) => s.completedAt && s.completedAt <= s.dueAt! && before(s.completedAt, input.asOf))
          .map(member),
      };
    },
  },
  {
    id: 'resolve_on_time',
    kind: 'rate',
    zh: '按期办结率',
    en: 'Resolved on time',
    numerator: 'cases resolved no later than the handling deadline of the unit that resolved them',
    denominator: 'cases resolved in the period (the last resolution in the period counts)',
    periodRule: 'the instant of the resolution',
    excludes:
      'nothing: a resolution without a handling stage (none was timed) counts as late, so a missing clock cannot flatter the rate',
    measure: (input, p) => {
      const handleOf = (f: CaseFacts, r: Resolution) =>
        input.stages
          .filter((s) => s.caseId === f.caseId && s.stage === 'handle' && s.unitId === r.unitId && s.startAt <= r.at)
          .at(-1);
      return rateOver(resolvedIn(input, p), (f, r) => {
        const due = handleOf(f, r!)?.dueAt;
        return !!due && r!.at <= due;
      });
    },
  },
  {
    id: 'mediation_success',
    kind: 'rate',
    zh: '调解成功率',
    en: 'Mediation success',
    numerator: 'disputes whose resolution outcome is "mediated" (调解成功)',
    denominator: 'disputes resolved in the period with a mediation outcome (mediated or not mediated)',
    periodRule: 'the instant of the last resolution in the period',
    excludes: 'disputes answered or not accepted: no mediation was attempted, so they say nothing of its success',
    measure: (input, p) =>
      rateOver(
        resolvedIn(input, p).filter(
          ([f, r]) => f.kind === 'dispute' && (r.outcome === 'mediated' || r.outcome === 'not_mediated'),
        ),
        (_f, r) => r!.outcome === 'mediated',
      ),
  },
  {
    id: 'satisfaction',
    kind: 'rate',
    zh: '满意率',
    en: 'Satisfaction',
    numerator: 'cases whose last evaluation in the period is satisfied or basically satisfied',
    denominator: 'cases evaluated in the period (the last evaluation in the period counts)',
    periodRule: 'the instant of the evaluation',
    excludes: 'nothing; evaluations recorded by staff are counted and shown beside the figure as a signal',
    measure: (input, p) => {
      const rated = input.facts.flatMap((f) => {
        const e = f.evaluations.filter((x) => within(p, x.at)).at(-1);
        return e ? [{ f, e }] : [];
      });
      return {
        denominator: rated.map(({ f }) => caseMember(f)),
        numerator: rated.filter(({ e }) => e.rating !== 'dissatisfied').map(({ f }) => caseMember(f)),
      };
    },
  },
  {
    id: 'return_visit',
    kind: 'rate',
    zh: '回访率',
    en: 'Return visits',
    numerator:
      'of those, cases evaluated (by the resident or on a return visit) after that resolution, up to the moment the figure is taken',
    denominator: 'cases resolved in the period (the last resolution in the period counts)',
    periodRule: 'the instant of the resolution',
    excludes: 'nothing',
    measure: (input, p) =>
      rateOver(resolvedIn(input, p), (f, r) => f.evaluations.some((e) => e.at >= r!.at && before(e.at, input.asOf))),
  },
  {
    id: 'send_back',
    kind: 'rate',
    zh: '退回率',
    en: 'Sent back',
    numerator: 'of those, cases sent back (退回) by a unit at least once, up to the moment the figure is taken',
    denominator: 'cases first dispatched in the period',
    periodRule: 'the instant of the first dispatch',
    excludes: 'cases never dispatched (concluded at the centre): nothing could be sent back',
    measure: (input, p) =>
      rateOver(
        input.facts.filter((f) => f.firstDispatchedAt && within(p, f.firstDispatchedAt)).map((f) => [f, undefined]),
        (f) => f.sendBacks.some((b) => before(b.at, input.asOf)),
      ),
  },
  {
    id: 'repeat_visit',
    kind: 'rate',
    zh: '重访率',
    en: 'Repeat visits',
    numerator:
      'of those, cases reopened because the resident came back about the same matter (重访) after that resolution',
    denominator: 'cases resolved in the period (the last resolution in the period counts)',
    periodRule: 'the instant of the resolution',
    excludes: 'reopenings for a dissatisfied evaluation (counted by satisfaction and shown as a clock-reset signal)',
    measure: (input, p) =>
      rateOver(resolvedIn(input, p), (f, r) =>
        f.reopenings.some((o) => o.reason === 'repeat_visit' && o.at > r!.at && before(o.at, input.asOf)),
      ),
  },
  {
    id: 'escalation',
    kind: 'rate',
    zh: '提级率',
    en: 'Escalated',
    numerator: 'of those, cases escalated (提级) to a higher level at least once, up to the moment the figure is taken',
    denominator: 'cases received in the period',
    periodRule: 'the instant the case was received',
    excludes: 'nothing',
    measure: (input, p) => rateOver(receivedIn(input, p), (f) => f.escalations.some((at) => before(at, input.asOf))),
  },
  {
    id: 'township_or_below',
    kind: 'rate',
    zh: '乡镇以下化解率',
    en: 'Resolved at township level or below',
    numerator: 'of those, cases resolved by a unit at township, village, grid or micro-grid level (levels 4–7)',
    denominator: 'cases resolved in the period (the last resolution in the period counts)',
    periodRule: 'the instant of the resolution',
    excludes: 'nothing: a case concluded by a county or city unit counts against the rate, as the reports mean it',
    measure: (input, p) => rateOver(resolvedIn(input, p), (_f, r) => r!.unitLevel >= LEVEL_TOWNSHIP),
  },
  {
    id: 'first_petition',
    kind: 'rate',
    zh: '初信初访占比',
    en: 'First-time letters and visits',
    numerator: 'of those, petitions that repeat no earlier case (no repeat-visit link at intake)',
    denominator: 'petitions received in the period',
    periodRule: 'the instant the petition was received',
    excludes: 'appeals, disputes and hazards: the figure is about petitions (信访) only',
    measure: (input, p) =>
      rateOver(
        receivedIn(input, p, (f) => f.kind === 'petition'),
        (f) => f.repeatOf === null,
      ),
  },
];
