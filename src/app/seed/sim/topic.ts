import type { CaseKind, Channel } from '../../../core/case/types.js';
import type { Rng } from './prng.js';

/** A kind of matter residents bring, with its category, how it usually arrives and the words it is told in. */
export type Topic = {
  category: string;
  kind: CaseKind;
  /** Relative frequency among all cases. */
  weight: number;
  channels: Partial<Record<Channel, number>>;
  /** Who stands opposite the applicant: a neighbour or relative, a company, or nobody (a report). */
  respondent: 'person' | 'company' | 'none';
  titles: string[];
  descriptions: string[];
  /** What the handler writes when it is settled (mediated or answered). */
  settled: string[];
};

/** Values for the {slot}s of a topic's templates. */
export type Slots = Record<string, string>;

/** Replaces every {slot} in a template; unknown slots stay visible so a missing one is noticed. */
export function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => slots[k] ?? m);
}

const roads = [
  '雨花南路',
  '软件大道',
  '宁丹路',
  '凤台南路',
  '铁心桥大街',
  '西善桥南路',
  '板桥新城大街',
  '梅山街',
  '古雄路',
  '赛虹桥路',
];

/** Draws the slots a case's texts use: places, people, amounts, durations. */
export function drawSlots(
  rng: Rng,
  base: { place: string; town: string; a: string; b: string; company: string },
): Slots {
  const amount = rng.chance(0.5) ? `${rng.int(3, 98) * 100}元` : `${(rng.int(10, 200) / 10).toFixed(1)}万元`;
  return {
    ...base,
    amount,
    months: String(rng.int(2, 11)),
    days: String(rng.int(3, 20)),
    n: String(rng.int(3, 40)),
    room: `${rng.int(1, 28)}栋${rng.int(1, 18)}0${rng.int(1, 4)}室`,
    road: rng.pick(roads),
    hour: String(rng.int(22, 23)),
    year: String(rng.int(2008, 2022)),
  };
}
