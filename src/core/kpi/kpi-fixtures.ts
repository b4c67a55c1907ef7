// The seven cases of March 2025 built to exact counts, shared by the KPI tests (kpi.test.ts, rollup.test.ts).
import { perform, type ActionInputs } from '../case/actions.js';
import { ACTORS as A, must, NEIGHBOUR_DISPUTE, UNITS } from '../case/case-fixtures.js';
import type { CaseEvent } from '../case/events.js';
import { receive, type ReceiveInput } from '../case/intake.js';
import type { ActionName, Actor, CaseState } from '../case/types.js';
import { cst } from '../deadline/cst.js';
import { type CaseFacts, caseFacts } from './case-facts.js';
import type { KpiInput, StageFact } from './inputs.js';

type Step = { [K in ActionName]: [string, K, Actor, Omit<ActionInputs[K], 'expectedVersion'>] }[ActionName];

/** Drives one case through the real actions at the given CST instants and returns its event log. */
function history(over: Partial<ReceiveInput> & { id: number }, receivedAt: string, steps: Step[]): CaseEvent[] {
  const first = must(
    receive(
      { ...NEIGHBOUR_DISPUTE, ...over },
      over.kind === 'petition' ? A.countyClerk : A.gridWorker,
      cst(receivedAt),
    ),
  );
  let s: CaseState = first.state;
  const log = [...first.events];
  for (const [at, name, who, input] of steps) {
    const t = must(perform(name, s, who, { ...input, expectedVersion: s.version } as never, cst(at)));
    s = t.state;
    log.push(...t.events);
  }
  return log;
}

const mediated = { kind: 'mediated', agreement: 'written', summary: '达成协议' } as const;
const toCommittee = ['dispatch', A.villageDispatcher, { unit: UNITS.villageCommittee, explanation: null }] as const;

// Seven cases around March 2025, built to exact counts. The figures are taken on 15 April.
const logs: [CaseEvent[], number | null][] = [
  // 1: a dispute mediated by the village committee, rated satisfied by the resident the next day.
  [
    history({ id: 1 }, '2025-03-03 09:00', [
      ['2025-03-03 10:00', ...toCommittee],
      ['2025-03-03 11:00', 'sign', A.villageMediator, {}],
      ['2025-03-03 12:00', 'start_handling', A.villageMediator, { mode: 'on_site' }],
      ['2025-03-05 12:00', 'resolve', A.villageMediator, { outcome: mediated }],
      ['2025-03-06 12:00', 'evaluate', A.villageDispatcher, { rating: 'satisfied', by: 'resident' }],
    ]),
    null,
  ],
  // 2: sent back by the committee, escalated to the township, not mediated, rated dissatisfied by staff
  //    five minutes later, reopened.
  [
    history({ id: 2 }, '2025-03-04 09:00', [
      ['2025-03-04 10:00', ...toCommittee],
      ['2025-03-04 11:00', 'send_back', A.villageMediator, { reasonCode: 'not_responsible', note: null }],
      ['2025-03-04 12:00', 'redispatch', A.villageDispatcher, { unit: UNITS.villageCentre, explanation: null }],
      ['2025-03-04 13:00', 'sign', A.villageLeader, {}],
      ['2025-03-05 09:00', 'escalate', A.villageLeader, { to: UNITS.townshipCentre, task: '提请街道' }],
      ['2025-03-05 10:00', 'sign', A.townshipMediator, {}],
      ['2025-03-05 11:00', 'start_handling', A.townshipMediator, { mode: 'on_site' }],
      [
        '2025-03-10 11:00',
        'resolve',
        A.townshipMediator,
        { outcome: { kind: 'not_mediated', guidance: 'litigation', summary: '引导诉讼' } },
      ],
      ['2025-03-10 11:05', 'evaluate', A.townshipDispatcher, { rating: 'dissatisfied', by: 'staff' }],
      ['2025-03-11 09:00', 'reopen', A.townshipDispatcher, { reason: 'dissatisfied' }],
    ]),
    null,
  ],
  // 3: a hotline appeal answered by the village centre, rated basically satisfied by staff an hour
  //    later; the resident came back about it on 20 March.
  [
    history({ id: 3, kind: 'appeal', channel: 'hotline', categoryCode: 'other' }, '2025-03-06 09:00', [
      ['2025-03-06 10:00', 'dispatch', A.villageDispatcher, { unit: UNITS.villageCentre, explanation: null }],
      ['2025-03-06 11:00', 'sign', A.villageLeader, {}],
      ['2025-03-06 12:00', 'start_handling', A.villageLeader, { mode: 'online' }],
      ['2025-03-07 12:00', 'resolve', A.villageLeader, { outcome: { kind: 'answered', summary: '已答复' } }],
      ['2025-03-07 13:00', 'evaluate', A.villageDispatcher, { rating: 'basically_satisfied', by: 'staff' }],
      ['2025-03-20 09:00', 'reopen', A.villageDispatcher, { reason: 'repeat_visit' }],
    ]),
    null,
  ],
  // 4 and 5: two letters at the county centre, the second repeating the first.
  [
    history(
      {
        id: 4,
        kind: 'petition',
        channel: 'letter',
        regionPath: UNITS.countyCentre.regionPath,
        centre: UNITS.countyCentre,
      },
      '2025-03-10 09:00',
      [],
    ),
    null,
  ],
  [
    history(
      {
        id: 5,
        kind: 'petition',
        channel: 'letter',
        regionPath: UNITS.countyCentre.regionPath,
        centre: UNITS.countyCentre,
      },
      '2025-03-12 09:00',
      [],
    ),
    4,
  ],
  // 6: received in February, escalated twice and mediated at the county in March.
  [
    history({ id: 6 }, '2025-02-24 09:00', [
      ['2025-02-24 10:00', 'dispatch', A.villageDispatcher, { unit: UNITS.villageCentre, explanation: null }],
      ['2025-02-24 11:00', 'sign', A.villageLeader, {}],
      ['2025-02-25 09:00', 'escalate', A.villageLeader, { to: UNITS.townshipCentre, task: null }],
      ['2025-02-25 10:00', 'sign', A.townshipLeader, {}],
      ['2025-02-26 09:00', 'escalate', A.townshipLeader, { to: UNITS.countyCentre, task: null }],
      ['2025-02-26 10:00', 'sign', A.countyLeader, {}],
      ['2025-02-26 11:00', 'start_handling', A.countyLeader, { mode: 'on_site' }],
      ['2025-03-14 11:00', 'resolve', A.countyLeader, { outcome: mediated }],
    ]),
    null,
  ],
  // 7: bounced — the committee sends it back, the centre sends it back, and it lands at the committee again.
  [
    history({ id: 7 }, '2025-03-17 09:00', [
      ['2025-03-17 10:00', ...toCommittee],
      ['2025-03-17 11:00', 'send_back', A.villageMediator, { reasonCode: 'not_responsible', note: null }],
      ['2025-03-17 12:00', 'redispatch', A.villageDispatcher, { unit: UNITS.villageCentre, explanation: null }],
      ['2025-03-17 13:00', 'send_back', A.villageLeader, { reasonCode: 'other', note: '非本中心职责' }],
      ['2025-03-17 14:00', 'redispatch', A.villageDispatcher, { unit: UNITS.villageCommittee, explanation: null }],
    ]),
    null,
  ],
];

export const facts: CaseFacts[] = logs.map(([log, repeatOf]) => caseFacts(log, repeatOf));
const stage = (
  caseId: number,
  seq: number,
  kind: StageFact['stage'],
  unitId: number,
  start: string,
  due: string,
  done: string | null,
): StageFact => ({
  caseId,
  seq,
  stage: kind,
  unitId,
  startAt: cst(start),
  dueAt: cst(due),
  completedAt: done ? cst(done) : null,
});
export const input: KpiInput = {
  facts,
  stages: [
    stage(1, 1, 'sign_for', 21, '2025-03-03 10:00', '2025-03-04 10:00', '2025-03-03 11:00'),
    stage(1, 1, 'handle', 21, '2025-03-03 11:00', '2025-03-13 11:00', '2025-03-05 12:00'),
    stage(2, 3, 'handle', 10, '2025-03-05 10:00', '2025-03-08 10:00', '2025-03-10 11:00'), // late
    stage(3, 1, 'sign_for', 20, '2025-03-06 10:00', '2025-03-07 10:00', '2025-03-06 11:00'),
    stage(3, 1, 'handle', 20, '2025-03-06 11:00', '2025-03-16 11:00', '2025-03-07 12:00'),
    stage(7, 3, 'sign_for', 21, '2025-03-17 14:00', '2025-03-18 14:00', null), // never signed
    stage(6, 3, 'handle', 1, '2025-02-26 10:00', '2025-03-28 10:00', '2025-03-14 11:00'),
  ],
  cards: [
    { caseId: 2, seq: 3, colour: 'blue', issuedAt: cst('2025-03-07 10:00') },
    { caseId: 2, seq: 3, colour: 'yellow', issuedAt: cst('2025-03-08 10:00') },
    { caseId: 7, seq: 3, colour: 'yellow', issuedAt: cst('2025-03-18 14:00') },
  ],
  extensions: [
    { caseId: 6, requestingUnitId: 1, decidedAt: cst('2025-03-01 09:00'), approved: true, deciderUnitId: 1 },
    { caseId: 6, requestingUnitId: 1, decidedAt: cst('2025-03-02 09:00'), approved: false, deciderUnitId: 1 },
  ],
  asOf: cst('2025-04-15 09:00'),
  workingDays: (a, b) => Math.round((b.getTime() - a.getTime()) / 86_400_000),
};
