/**
 * The default deadline policy table, seeded into the editable table. Rows whose source says 平台默认
 * are this platform's choice where no law or published work requirement fixes a number;
 * administrators change them. The source is shown to administrators as written here.
 * Fallback: (kind, complexity) → (kind, '*') → ('*', complexity) → ('*', '*'); see resolvePolicy.
 */
import type { DeadlinePolicy, PolicyTable } from './policy.js';

const XFTL = '信访工作条例（2022）';
const PINGAN = '平安建设矛盾纠纷化解工作要求';
const HOUSE = '平台默认，可调整';

const rows: DeadlinePolicy[] = [
  // 签收 sign-for: the unit signs for the assignment or sends it back.
  { kind: '*', complexity: '*', stage: 'sign_for', amount: 1, unit: 'working_day', source: PINGAN },
  { kind: 'hazard', complexity: '*', stage: 'sign_for', amount: 2, unit: 'hour', source: PINGAN },
  // A petition's sign-for is its acceptance decision: 收到之日起15日内决定是否受理并书面告知信访人.
  { kind: 'petition', complexity: '*', stage: 'sign_for', amount: 15, unit: 'calendar_day', source: XFTL },

  // 办理 handle.
  // Dispute mediation: general 10 days, major or cross-region 20, special two months (平安建设 reports).
  {
    kind: 'dispute',
    complexity: 'general',
    stage: 'handle',
    amount: 10,
    unit: 'calendar_day',
    maxExtension: { amount: 10, unit: 'calendar_day' },
    source: `${PINGAN}；延期上限为${HOUSE}`,
  },
  {
    kind: 'dispute',
    complexity: 'major',
    stage: 'handle',
    amount: 20,
    unit: 'calendar_day',
    maxExtension: { amount: 20, unit: 'calendar_day' },
    source: `${PINGAN}；延期上限为${HOUSE}`,
  },
  {
    kind: 'dispute',
    complexity: 'special',
    stage: 'handle',
    amount: 60,
    unit: 'calendar_day',
    maxExtension: { amount: 30, unit: 'calendar_day' },
    source: `${PINGAN}；延期上限为${HOUSE}`,
  },
  // 信访事项应当自受理之日起60日内办结；情况复杂的，经批准可以适当延长，但延长期限不得超过30日.
  {
    kind: 'petition',
    complexity: '*',
    stage: 'handle',
    amount: 60,
    unit: 'calendar_day',
    maxExtension: { amount: 30, unit: 'calendar_day' },
    source: XFTL,
  },
  {
    kind: 'hazard',
    complexity: '*',
    stage: 'handle',
    amount: 3,
    unit: 'working_day',
    maxExtension: { amount: 5, unit: 'working_day' },
    source: `${PINGAN}；延期上限为${HOUSE}`,
  },
  // Appeals (群众诉求) follow the common 12345-hotline practice of working-day limits.
  {
    kind: 'appeal',
    complexity: 'general',
    stage: 'handle',
    amount: 5,
    unit: 'working_day',
    maxExtension: { amount: 5, unit: 'working_day' },
    source: HOUSE,
  },
  {
    kind: 'appeal',
    complexity: 'major',
    stage: 'handle',
    amount: 10,
    unit: 'working_day',
    maxExtension: { amount: 10, unit: 'working_day' },
    source: HOUSE,
  },
  {
    kind: 'appeal',
    complexity: 'special',
    stage: 'handle',
    amount: 15,
    unit: 'working_day',
    maxExtension: { amount: 15, unit: 'working_day' },
    source: HOUSE,
  },
  // Catch-all so that a cell an administrator deletes still resolves.
  {
    kind: '*',
    complexity: '*',
    stage: 'handle',
    amount: 10,
    unit: 'working_day',
    maxExtension: { amount: 10, unit: 'working_day' },
    source: HOUSE,
  },

  // 会办答复 a co-unit answers the lead unit's request for joint handling.
  {
    kind: '*',
    complexity: '*',
    stage: 'co_reply',
    amount: 3,
    unit: 'working_day',
    maxExtension: { amount: 2, unit: 'working_day' },
    source: HOUSE,
  },
  { kind: 'hazard', complexity: '*', stage: 'co_reply', amount: 1, unit: 'working_day', source: HOUSE },

  // 回访 return visit after the case is resolved.
  { kind: '*', complexity: '*', stage: 'return_visit', amount: 5, unit: 'working_day', source: HOUSE },
];

/** The default policy table (frozen); copy it into the database, then edit there. */
export const DEFAULT_POLICY_TABLE: PolicyTable = Object.freeze(rows.map((r) => Object.freeze(r)));
