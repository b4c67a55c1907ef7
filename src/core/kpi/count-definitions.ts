// The counts and the mean of the catalogue: volumes, open cases, cards by colour, handling time.
import { caseMember, type KpiDefinition, rateOver, receivedIn, resolvedIn } from './measure-kit.js';
import { within } from './period.js';
import { CARD_COLOURS } from '../deadline/cards.js';

export const COUNT_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: 'handling_days',
    kind: 'mean',
    zh: '平均办理时长（工作日）',
    en: 'Average handling time (working days)',
    numerator: 'working days from receipt to the resolution, summed over the cases',
    denominator: 'cases resolved in the period (the last resolution in the period counts)',
    periodRule: 'the instant of the resolution',
    excludes: 'nothing; suspended time is included, as the resident waited through it',
    measure: (input, p) => {
      const cases = resolvedIn(input, p);
      const members = cases.map(([f]) => caseMember(f));
      return {
        denominator: members,
        numerator: members,
        amounts: cases.map(([f, r]) => input.workingDays(f.receivedAt, r.at)),
      };
    },
  },
  {
    id: 'received',
    kind: 'count',
    zh: '受理量',
    en: 'Received',
    numerator: 'cases received',
    denominator: 'cases received',
    periodRule: 'the instant the case was received',
    excludes: 'nothing',
    measure: (input, p) => rateOver(receivedIn(input, p), () => true),
  },
  {
    id: 'resolved',
    kind: 'count',
    zh: '办结量',
    en: 'Resolved',
    numerator: 'cases resolved (once each, however often they were resolved in the period)',
    denominator: 'cases resolved',
    periodRule: 'the instant of the resolution',
    excludes: 'nothing',
    measure: (input, p) => rateOver(resolvedIn(input, p), () => true),
  },
  {
    id: 'open_at_end',
    kind: 'count',
    zh: '期末在办量',
    en: 'Open at the end of the period',
    numerator:
      'cases received before the end of the period that, at its end, were neither resolved (or their resolution was undone by a reopening), closed nor merged',
    denominator: 'the same cases',
    periodRule: 'the state at the end of the period',
    excludes: 'nothing',
    measure: (input, p) => {
      const end = p.to < input.asOf ? p.to : input.asOf;
      const open = input.facts.filter((f) => {
        if (f.receivedAt >= end || (f.endedAt && f.endedAt < end)) return false;
        const last = f.resolutions.filter((r) => r.at < end).at(-1);
        return !last || f.reopenings.some((o) => o.at > last.at && o.at < end);
      });
      return rateOver(
        open.map((f) => [f, undefined]),
        () => true,
      );
    },
  },
  ...CARD_COLOURS.map(
    (colour): KpiDefinition => ({
      id: `cards_${colour}`,
      kind: 'count',
      zh: { blue: '蓝牌（临期）', yellow: '黄牌（逾期）', red: '红牌（严重逾期）' }[colour],
      en: { blue: 'Blue cards (due soon)', yellow: 'Yellow cards (overdue)', red: 'Red cards (seriously overdue)' }[
        colour
      ],
      numerator: `${colour} cards issued`,
      denominator: `${colour} cards issued`,
      periodRule: 'the instant the card was issued',
      excludes: 'nothing; a card cleared later still counts in the period it was issued',
      measure: (input, p) => {
        const cards = input.cards.filter((c) => c.colour === colour && within(p, c.issuedAt));
        const members = cards.map((c) => ({ caseId: c.caseId, seq: c.seq }));
        return { denominator: members, numerator: members };
      },
    }),
  ),
];
