// Helpers the KPI definitions share: which cases fall in a period, and a rate over them.
import type { CaseFacts, Resolution } from './case-facts.js';
import type { KpiInput, Member } from './inputs.js';
import { type Period, within } from './period.js';

export type KpiKind = 'rate' | 'mean' | 'count';

export type KpiDefinition = {
  id: string;
  kind: KpiKind;
  zh: string;
  en: string;
  /** What is counted above the line, and the event that puts an item there. */
  numerator: string;
  /** What is counted below the line (for a count: what is counted). */
  denominator: string;
  /** Which instant places an item in the period. */
  periodRule: string;
  /** What is left out, and why. */
  excludes: string;
  /** The items of the denominator and, of those, the numerator's; for a mean, each item's amount. */
  measure: (input: KpiInput, period: Period) => { denominator: Member[]; numerator: Member[]; amounts?: number[] };
};

export const caseMember = (f: CaseFacts): Member => ({ caseId: f.caseId });
/** The case's last resolution inside the period (a case resolved, reopened and resolved again counts once). */
const lastResolutionIn = (f: CaseFacts, p: Period): Resolution | undefined =>
  f.resolutions.filter((r) => within(p, r.at)).at(-1);
export const before = (at: Date, asOf: Date) => at < asOf;

/** Cases whose last resolution falls in the period, each with that resolution. */
export function resolvedIn(input: KpiInput, p: Period): [CaseFacts, Resolution][] {
  return input.facts.flatMap((f) => {
    const r = lastResolutionIn(f, p);
    return r ? [[f, r] as [CaseFacts, Resolution]] : [];
  });
}

/** A rate over cases: the denominator's cases and, of those, the ones `hit` says yes to. */
export const rateOver = (
  cases: [CaseFacts, Resolution | undefined][],
  hit: (f: CaseFacts, r?: Resolution) => boolean,
) => ({
  denominator: cases.map(([f]) => caseMember(f)),
  numerator: cases.filter(([f, r]) => hit(f, r)).map(([f]) => caseMember(f)),
});

export const receivedIn = (input: KpiInput, p: Period, filter: (f: CaseFacts) => boolean = () => true) =>
  input.facts.filter((f) => within(p, f.receivedAt) && filter(f)).map((f) => [f, undefined] as [CaseFacts, undefined]);

export const LEVEL_TOWNSHIP = 4;
